using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.Extensions.WebEncoders;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using LiveHire.Core.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.Localization;

namespace LiveHire.Web.Infrastructure;

/// <summary>Server-rendered pages: Chinese first (zh-CN), English available, role-protected folders.</summary>
public static class UiSetup
{
    public static readonly CultureInfo[] Cultures = [new("zh-CN"), new("en-US")];
    public const string CultureCookie = ".LiveHire.Culture";

    public static void AddWebUi(this WebApplicationBuilder builder)
    {
        builder.Services.AddLocalization(o => o.ResourcesPath = "Resources");
        // Slow phone networks: pages, scripts and styles go compressed (the live-room script is 64 KB raw, 17 KB gzipped).
        builder.Services.AddResponseCompression(o =>
        {
            o.EnableForHttps = true;
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
        });
        // Chinese text is written as is, not as &#x..; entities: pages are a third the size on slow phone networks.
        builder.Services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        builder.Services.AddRazorPages(o =>
            {
                o.Conventions.AuthorizeFolder("/Organizer", Policies.Organizer);
                o.Conventions.AuthorizeFolder("/Studio", Policies.Recruiter);
                o.Conventions.AuthorizeFolder("/Admin", Policies.Admin);
                o.Conventions.AuthorizeFolder("/Notifications");
            })
            .AddViewLocalization()
            .AddDataAnnotationsLocalization(o => o.DataAnnotationLocalizerProvider = (_, f) => f.Create(typeof(SharedResource)));
        // Model binding's own complaints (an emptied date, a number that is not one) in the reader's language too.
        builder.Services.AddOptions<MvcOptions>().Configure<IStringLocalizer<ErrorsResource>>((o, l) =>
        {
            var m = o.ModelBindingMessageProvider;
            m.SetValueMustNotBeNullAccessor(_ => l["validation.value.missing"]);
            m.SetMissingBindRequiredValueAccessor(_ => l["validation.value.missing"]);
            m.SetMissingKeyOrValueAccessor(() => l["validation.value.missing"]);
            m.SetMissingRequestBodyRequiredValueAccessor(() => l["validation.value.missing"]);
            m.SetAttemptedValueIsInvalidAccessor((_, field) => l["validation.value", field]);
            m.SetUnknownValueIsInvalidAccessor(field => l["validation.value", field]);
            m.SetValueMustBeANumberAccessor(field => l["validation.value", field]);
            m.SetValueIsInvalidAccessor(value => l["validation.value", value]);
            m.SetNonPropertyAttemptedValueIsInvalidAccessor(value => l["validation.value", value]);
            m.SetNonPropertyUnknownValueIsInvalidAccessor(() => l[ErrorText.Other]);
            m.SetNonPropertyValueMustBeANumberAccessor(() => l[ErrorText.Other]);
        });
        builder.Services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture(Cultures[0]);
            o.SupportedCultures = Cultures;
            o.SupportedUICultures = Cultures;
            // Chinese unless the person chose otherwise: the browser's Accept-Language is deliberately not consulted,
            // since many users' cheap phones ship with English system settings they never changed.
            o.RequestCultureProviders = [new QueryStringRequestCultureProvider(), new CookieRequestCultureProvider { CookieName = CultureCookie }];
        });
    }

    public static void UseWebPipeline(this WebApplication app)
    {
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandlingPath = "/Error",
            // A request the app could not read (a form missing its field, an antiforgery token gone stale) is the sender's
            // mistake: its own status (400), the error page saying so, and no error in the log.
            StatusCodeSelector = e => e is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
            // .NET 10's default (quiet when GlobalExceptionHandler wrote the answer; it logs faults itself), plus unreadable requests.
            SuppressDiagnosticsCallback = c => c.ExceptionHandledBy == ExceptionHandledType.ExceptionHandlerService || c.Exception is BadHttpRequestException,
        });
        // A status without a body: a program gets ProblemDetails (the outer one), a person's browser the error page in their language
        // (the inner one; a 404 from an old link or a mistyped address showed ProblemDetails JSON as text). Not as two UseWhen
        // branches: a branch cannot re-execute through routing (WebApplication's New() leaves its global route builder out).
        app.UseStatusCodePages();
        app.UseStatusCodePagesWithReExecute("/Error");
        app.Use((context, next) =>
        {
            // The inner middleware's feature is the one set last: turning it off leaves a program's request to the outer one.
            if (GlobalExceptionHandler.IsApiRequest(context)) context.Features.Get<IStatusCodePagesFeature>()!.Enabled = false;
            return next(context);
        });
        app.UseRequestLocalization();
        app.UseResponseCompression();
        app.UseStaticFiles(new StaticFileOptions
        {
            // asp-append-version puts a content hash in ?v=: such a URL never changes content, so phones keep it for a year.
            OnPrepareResponse = ctx =>
            {
                if (ctx.Context.Request.Query.ContainsKey("v"))
                    ctx.Context.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
            },
        });
        app.UseAnonymousViewerCookie();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
    }

    public static void MapWebUi(this WebApplication app)
    {
        app.MapRazorPages();
        app.MapPost("/culture", ([FromForm] string culture, [FromForm] string? returnUrl, HttpContext http) =>
            {
                if (!Cultures.Any(c => c.Name == culture))
                    return Results.Problem(title: $"Unsupported language '{culture}'.", statusCode: StatusCodes.Status400BadRequest);
                http.Response.Cookies.Append(CultureCookie, CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                    new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax });
                return Results.LocalRedirect(returnUrl is { Length: > 0 } && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//") ? returnUrl : "/");
            })
            .AllowAnonymous()
            .ExcludeFromDescription();
    }
}
