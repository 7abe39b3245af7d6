using LiveHire.Core.Options;

namespace LiveHire.UnitTests.Options;

public sealed class SmtpOptionsValidatorTests
{
    private static readonly SmtpOptionsValidator Validator = new();

    [Fact]
    public void Without_a_host_email_stays_in_the_outbox_and_needs_nothing_else()
    {
        Validator.Validate(null, new SmtpOptions()).Succeeded.ShouldBeTrue();
        new SmtpOptions().Enabled.ShouldBeFalse();
    }

    [Fact]
    public void A_host_with_a_sender_address_is_accepted_with_or_without_a_login()
    {
        Validator.Validate(null, new SmtpOptions { Host = "smtp.example.org", From = "LiveHire 招聘会 <noreply@example.org>" }).Succeeded.ShouldBeTrue();
        Validator.Validate(null, new SmtpOptions { Host = "smtp.example.org", From = "noreply@example.org", UserName = "u", Password = "p" }).Succeeded.ShouldBeTrue();
    }

    [Fact]
    public void Each_missing_or_wrong_setting_is_named()
    {
        var options = new SmtpOptions { Host = "smtp.example.org", Port = 0, Security = (SmtpSecurity)9, From = "not an address", Password = "p" };

        var failures = Validator.Validate(null, options).Failures!.ToList();

        failures.ShouldContain(f => f.StartsWith("LiveHire:Smtp:Port", StringComparison.Ordinal));
        failures.ShouldContain(f => f.StartsWith("LiveHire:Smtp:Security", StringComparison.Ordinal));
        failures.ShouldContain(f => f.StartsWith("LiveHire:Smtp:From", StringComparison.Ordinal));
        failures.ShouldContain(f => f.StartsWith("LiveHire:Smtp:UserName", StringComparison.Ordinal));
    }
}
