using FluentValidation;
using LiveHire.Web.Features.Account;
using LiveHire.Web.Features.Applications;
using LiveHire.Web.Features.Booths;
using LiveHire.Web.Features.Fairs;
using LiveHire.Web.Features.Hiring;
using LiveHire.Web.Features.Jobs;
using LiveHire.Web.Features.Recordings;
using LiveHire.Web.Features.Notifications;
using LiveHire.Web.Features.Profile;
using LiveHire.Web.Features.Recommendations;
using LiveHire.Web.Features.Resumes;
using LiveHire.Web.Features.Search;
using LiveHire.Web.Features.Sessions;
using Scalar.AspNetCore;

namespace LiveHire.Web.Infrastructure;

/// <summary>The HTTP API: /api/v1, ProblemDetails for every error, OpenAPI at /openapi/v1.json, reference at /api/reference.</summary>
public static class ApiSetup
{
    public static void AddWebApi(this WebApplicationBuilder builder)
    {
        builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = ctx =>
        {
            ctx.ProblemDetails.Extensions["requestId"] = ctx.HttpContext.TraceIdentifier;
            // Routing turns a body no endpoint reads away before any endpoint runs, with nothing but the status.
            if (ctx.ProblemDetails.Status == StatusCodes.Status415UnsupportedMediaType && ctx.ProblemDetails.Detail is null)
                ctx.ProblemDetails.Detail = $"This endpoint does not read a body of type '{ctx.HttpContext.Request.ContentType}': "
                    + "see /openapi/v1.json for what each endpoint reads (JSON for most, multipart/form-data for uploads).";
        });
        builder.Services.AddExceptionHandler<GlobalExceptionHandler>();
        // Outside Development a parameter an endpoint cannot bind (?minPay=abc, a broken JSON body) is answered with a bare 400
        // that names nothing; thrown instead, it reaches GlobalExceptionHandler, whose ProblemDetails say which and why.
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.AddOpenApi("v1", o =>
        {
            o.ShouldInclude = d => d.RelativePath?.StartsWith("api/") == true;
            o.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "LiveHire API";
                document.Info.Description = "Live-stream recruitment and online job fairs. Errors are RFC 9457 ProblemDetails; "
                    + "sign-in is the site's cookie. The live room's SignalR protocol is in docs/realtime.md.";
                return Task.CompletedTask;
            });
        });
        // Generated types are internal so that no other assembly that might also generate a mediator can clash with Web's.
        builder.Services.AddMediator((Mediator.MediatorOptions o) =>
        {
            o.GenerateTypesAsInternal = true;
            o.ServiceLifetime = ServiceLifetime.Scoped;
        });
        builder.Services.AddValidatorsFromAssemblyContaining<GlobalExceptionHandler>(includeInternalTypes: true);
        builder.Services.AddScoped(typeof(Mediator.IPipelineBehavior<,>), typeof(ValidationBehavior<,>));
        builder.Services.AddScoped<FairNotices>();
        builder.Services.AddScoped<BoothNotices>();
        builder.Services.AddResumeLibrary();
        // How much of a request Kestrel reads from the socket ahead of the app, per connection (default 1 MB). An upload
        // waits for its checks (token, library limit) before it reads, so with the default each parked up to 1 MB in
        // Kestrel's pinned buffer pool, which keeps what it grew to: 20 resumes at once grew Web by about 20 MiB, nearly
        // all of it on the pinned object heap. At 64 KB the same drop grows it by about 4 MiB and the body still streams
        // to its temporary file at the same speed (docs/benchmarks.md, resume drop). The socket transport's read buffer is
        // the one that bounds this; the request limit is set alike so the two never disagree.
        const int readAhead = 64 * 1024;
        builder.WebHost.ConfigureKestrel(o => o.Limits.MaxRequestBufferSize = readAhead);
        builder.WebHost.UseSockets(o => o.MaxReadBufferSize = readAhead);
    }

    public static void MapWebApi(this WebApplication app)
    {
        app.MapOpenApi("/openapi/{documentName}.json");
        // Served from the app itself: no web fonts, telemetry or AI agent, since no page may need the internet.
        app.MapScalarApiReference("/api/reference", o => o.WithTitle("LiveHire API").WithOpenApiRoutePattern("/openapi/{documentName}.json")
            .DisableDefaultFonts().DisableTelemetry().DisableAgent());
        var v1 = app.MapGroup("/api/v1");
        ScheduleSession.Map(v1);
        ListSessions.Map(v1);
        ExportQuestions.Map(v1);
        SendPhoneCode.Map(v1);
        SignInWithPhoneCode.Map(v1);
        UploadResume.Map(v1);
        ListResumes.Map(v1);
        DeleteResume.Map(v1);
        IssueResumeLink.Map(v1, app);
        OpenResumeFile.Map(v1, app);
        SubmitApplication.Map(v1);
        ListMyApplications.Map(v1);
        ListSessionApplications.Map(v1);
        ListEmployerJobs.Map(v1);
        CreateJob.Map(v1);
        EditJob.Map(v1);
        SetRecordingHidden.Map(v1);
        StreamRecording.Map(app);
        IssueStreamKey.Map(v1);
        GetStreamKeyStatus.Map(v1);
        CreateFairSeries.Map(v1);
        ChangeFair.Map(v1);
        RegisterForFair.Map(v1);
        ListFairs.Map(v1);
        DownloadFairCalendar.Map(v1);
        ListMySchedule.Map(v1);
        CancelRegistration.Map(v1);
        LiveHire.Web.Features.Settings.MySettings.Map(v1);
        ListMyNotifications.Map(v1);
        ChangeJobStatus.Map(v1);
        VerifyJob.Map(v1);
        SetHome.Map(v1);
        SearchJobs.Map(v1);
        WithdrawApplication.Map(v1);
        ListBoard.Map(v1);
        OpenApplication.Map(v1);
        MoveApplication.Map(v1);
        AddApplicationNote.Map(v1);
        BulkReject.Map(v1);
        ApplyForBooth.Map(v1);
        ListMyBooths.Map(v1);
        WithdrawBooth.Map(v1);
        ListFairBooths.Map(v1);
        DecideBooth.Map(v1);
        SetFairTimetable.Map(v1);
        BookSlot.Map(v1);
        CancelSlot.Map(v1);
        GetTimetable.Map(v1);
        GetProfile.Map(v1);
        SaveProfile.Map(v1);
        MakeResumeFromProfile.Map(v1);
        RecommendJobs.Map(v1);
        ListRecommendations.Map(v1);
        RecommendJob.Map(v1);
    }
}
