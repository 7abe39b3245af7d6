using System.Security.Cryptography;
using LiveHire.Core.Data;
using LiveHire.Core.Domain;
using LiveHire.Core.Ports;
using LiveHire.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace LiveHire.Web.Features.Account;

/// <summary>Texts a one-time 6-digit sign-in code to a mainland mobile number, at most once per resend interval.</summary>
public static class SendPhoneCode
{
    public sealed record Command(string? PhoneNumber) : ICommand<Result<Sent>>;

    /// <summary>The number the code went to, as stored (11 digits), and when the code stops working.</summary>
    public sealed record Sent(string PhoneNumber, DateTimeOffset ExpiresAt);

    /// <summary>
    /// One fixed Chinese text whatever the page's language: SMS gateways in China deliver only templates registered in
    /// advance, with the 【signature】 in front.
    /// </summary>
    public static string SmsText(string code) =>
        $"【LiveHire】您的验证码是 {code}，{PhoneVerification.Lifetime.TotalMinutes:0}分钟内有效。";

    public sealed class Handler(LiveHireDbContext db, ISmsSender sms, TimeProvider clock, IStringLocalizer<AccountResource> l)
        : ICommandHandler<Command, Result<Sent>>
    {
        public async ValueTask<Result<Sent>> Handle(Command command, CancellationToken cancellationToken)
        {
            if (MainlandMobile.Normalize(command.PhoneNumber) is not { } phone)
                return Error.Validation("phone", l["Error.PhoneInvalid"]);

            var now = clock.GetUtcNow();
            var lastSentAt = await db.PhoneVerifications.AsNoTracking()
                .Where(v => v.PhoneNumber == phone)
                .OrderByDescending(v => v.CreatedAt)
                .Select(v => (DateTimeOffset?)v.CreatedAt)
                .FirstOrDefaultAsync(cancellationToken);
            if (lastSentAt is { } at && now - at < PhoneVerification.ResendInterval)
            {
                var wait = Math.Ceiling((at + PhoneVerification.ResendInterval - now).TotalSeconds);
                return new Error("rate_limited", l["Error.ResendTooSoon", wait]);
            }

            var code = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6");
            var verification = PhoneVerification.Issue(phone, code, now);
            db.PhoneVerifications.Add(verification);
            // Stored before sending: a lost text costs a minute's wait, while a sent code that was never stored could not work.
            await db.SaveChangesAsync(cancellationToken);
            await sms.SendAsync(phone, SmsText(code), cancellationToken);
            return new Sent(phone, verification.ExpiresAt);
        }
    }

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/account/phone-code", async Task<Results<Ok<Sent>, ProblemHttpResult>> (Command command, IMediator mediator, CancellationToken ct) =>
            {
                var result = await mediator.Send(command, ct);
                return result.IsSuccess ? TypedResults.Ok(result.Value!) : (ProblemHttpResult)result.Error!.ToProblem();
            })
            .AllowAnonymous()
            .WithName("SendPhoneCode")
            .WithSummary("Text a 6-digit sign-in code to a mainland mobile number (once a minute per number).")
            .ProducesProblem(StatusCodes.Status400BadRequest);
}
