using FluentValidation;
using LiveHire.Core.Data;
using LiveHire.Core.Domain;
using LiveHire.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace LiveHire.Web.Features.Account;

/// <summary>
/// Signs in with the code texted by <see cref="SendPhoneCode"/>. A number nobody has used yet becomes a new candidate
/// with a confirmed phone, which needs a display name.
/// </summary>
public static class SignInWithPhoneCode
{
    public sealed record Command(string? PhoneNumber, string? Code, string? DisplayName) : ICommand<Result<SignedIn>>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IStringLocalizer<AccountResource> l)
        {
            RuleFor(c => c.Code)
                .Must(c => c is not null && c.Trim() is { Length: 6 } code && code.All(char.IsAsciiDigit)).WithMessage(_ => l["Error.CodeFormat"])
                .OverridePropertyName("code");
            RuleFor(c => c.DisplayName)
                .Must(n => n is null || n.Trim().Length <= User.DisplayNameMaxLength).WithMessage(_ => l["Error.NameTooLong", User.DisplayNameMaxLength])
                .OverridePropertyName("displayName");
        }
    }

    public sealed class Handler(LiveHireDbContext db, UserManager<User> users, RoleManager<Role> roles, SignInManager<User> signIn,
        TimeProvider clock, IStringLocalizer<AccountResource> l) : ICommandHandler<Command, Result<SignedIn>>
    {
        public async ValueTask<Result<SignedIn>> Handle(Command command, CancellationToken cancellationToken)
        {
            if (MainlandMobile.Normalize(command.PhoneNumber) is not { } phone)
                return Error.Validation("phone", l["Error.PhoneInvalid"]);

            var now = clock.GetUtcNow();
            // Only the newest code counts: asking for a new one retires the ones before it.
            var verification = await db.PhoneVerifications
                .Where(v => v.PhoneNumber == phone)
                .OrderByDescending(v => v.CreatedAt)
                .FirstOrDefaultAsync(cancellationToken);
            if (verification is null)
                return Error.Validation("code_missing", l["Error.CodeMissing"]);
            if (!verification.IsUsable(now))
                return Unusable(verification, now);

            if (!verification.TryConsume(command.Code!, now))
            {
                await db.SaveChangesAsync(cancellationToken); // the wrong try counts even though the request fails
                return verification.IsUsable(now)
                    ? Error.Validation("code_wrong", l["Error.CodeWrong", PhoneVerification.MaxAttempts - verification.Attempts])
                    : Unusable(verification, now);
            }

            var user = await users.Users.FirstOrDefaultAsync(u => u.PhoneNumber == phone, cancellationToken);
            var displayName = command.DisplayName?.Trim();
            if (user is null && string.IsNullOrEmpty(displayName))
            {
                // The right code stays unused, so the person types it again with their name instead of waiting for a new text.
                db.Entry(verification).State = EntityState.Detached;
                return Error.Validation("display_name_required", l["Error.NameRequired"]);
            }
            if (user is not null && await users.IsLockedOutAsync(user))
                return Error.Forbidden(l["Error.AccountLocked"]);

            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var isNew = user is null;
            if (user is null)
            {
                var created = await NewCandidate.CreateAsync(users, roles, new User
                {
                    UserName = phone, PhoneNumber = phone, PhoneNumberConfirmed = true, DisplayName = displayName!, CreatedAt = now,
                }, password: null, l);
                if (!created.IsSuccess) return created.Error!;
                user = created.Value!;
            }
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);

            await signIn.SignInAsync(user, isPersistent: true);
            return new SignedIn(user.Id, user.DisplayName, isNew);
        }

        private Error Unusable(PhoneVerification verification, DateTimeOffset now) =>
            verification.ConsumedAt is null && verification.Attempts >= PhoneVerification.MaxAttempts && now < verification.ExpiresAt
                ? Error.Validation("code_burned", l["Error.CodeBurned"])
                : Error.Validation("code_expired", l["Error.CodeExpired"]);
    }

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/account/phone-sign-in", async Task<Results<Ok<SignedIn>, ProblemHttpResult>> (Command command, IMediator mediator, CancellationToken ct) =>
            {
                var result = await mediator.Send(command, ct);
                return result.IsSuccess ? TypedResults.Ok(result.Value!) : (ProblemHttpResult)result.Error!.ToProblem();
            })
            .AllowAnonymous()
            .WithName("SignInWithPhoneCode")
            .WithSummary("Sign in with a texted code; a new number becomes a candidate account (needs displayName). Sets the sign-in cookie.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);
}
