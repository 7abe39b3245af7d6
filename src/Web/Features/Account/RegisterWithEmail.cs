using FluentValidation;
using LiveHire.Core.Data;
using LiveHire.Core.Domain;
using Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace LiveHire.Web.Features.Account;

/// <summary>A person signs up with a name, an email and a password, becomes a candidate and is signed in.</summary>
public static class RegisterWithEmail
{
    public const int PasswordMinLength = 8;

    public sealed record Command(string? DisplayName, string? Email, string? Password) : ICommand<Result<SignedIn>>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IStringLocalizer<AccountResource> l)
        {
            RuleFor(c => c.DisplayName).Cascade(CascadeMode.Stop)
                .Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage(_ => l["Error.DisplayNameRequired"])
                .Must(n => n!.Trim().Length <= User.DisplayNameMaxLength).WithMessage(_ => l["Error.NameTooLong", User.DisplayNameMaxLength])
                .OverridePropertyName("displayName");
            RuleFor(c => c.Email).Cascade(CascadeMode.Stop)
                .Must(e => !string.IsNullOrWhiteSpace(e) && e.Trim().Length <= 256).WithMessage(_ => l["Error.EmailInvalid"])
                .EmailAddress().WithMessage(_ => l["Error.EmailInvalid"])
                .OverridePropertyName("email");
            // The same rule as Identity's password options, checked here so that the person reads it in their language.
            RuleFor(c => c.Password)
                .Must(p => p is { Length: >= PasswordMinLength } && p.Any(char.IsAsciiDigit)).WithMessage(_ => l["Error.PasswordRule"])
                .OverridePropertyName("password");
        }
    }

    public sealed class Handler(LiveHireDbContext db, UserManager<User> users, RoleManager<Role> roles, SignInManager<User> signIn,
        TimeProvider clock, IStringLocalizer<AccountResource> l) : ICommandHandler<Command, Result<SignedIn>>
    {
        public async ValueTask<Result<SignedIn>> Handle(Command command, CancellationToken cancellationToken)
        {
            var email = command.Email!.Trim().ToLowerInvariant();
            if (await users.FindByNameAsync(email) is not null)
                return Error.Conflict("account_exists", l["Error.EmailTaken"]);

            var user = new User { UserName = email, Email = email, DisplayName = command.DisplayName!.Trim(), CreatedAt = clock.GetUtcNow() };
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var created = await NewCandidate.CreateAsync(users, roles, user, command.Password, l);
            if (!created.IsSuccess) return created.Error!;
            await transaction.CommitAsync(cancellationToken);

            await signIn.SignInAsync(user, isPersistent: true);
            return new SignedIn(user.Id, user.DisplayName, IsNewUser: true);
        }
    }
}

/// <summary>Who was just signed in.</summary>
public sealed record SignedIn(Guid UserId, string DisplayName, bool IsNewUser);
