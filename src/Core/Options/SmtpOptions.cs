using MimeKit;
using Microsoft.Extensions.Options;

namespace LiveHire.Core.Options;

public enum SmtpSecurity { None, StartTls, SslOnConnect }

/// <summary>
/// Where reminder e-mails go out (section "LiveHire:Smtp"). Leaving <see cref="Host"/> empty keeps e-mail in the outbox
/// (development), as the development SMS sender does.
/// </summary>
public sealed class SmtpOptions
{
    public const string Section = "LiveHire:Smtp";

    public string Host { get; set; } = "";
    public int Port { get; set; } = 587;
    public SmtpSecurity Security { get; set; } = SmtpSecurity.StartTls;
    public string? UserName { get; set; }
    public string? Password { get; set; }
    /// <summary>The sender, e.g. <c>LiveHire 招聘会 &lt;noreply@example.org&gt;</c>.</summary>
    public string From { get; set; } = "";

    public bool Enabled => Host.Length > 0;
}

public sealed class SmtpOptionsValidator : IValidateOptions<SmtpOptions>
{
    public ValidateOptionsResult Validate(string? name, SmtpOptions options)
    {
        if (!options.Enabled) return ValidateOptionsResult.Success;
        var failures = new List<string>();
        if (options.Port is < 1 or > 65535) failures.Add("LiveHire:Smtp:Port must be 1-65535.");
        if (!Enum.IsDefined(options.Security)) failures.Add("LiveHire:Smtp:Security must be None, StartTls or SslOnConnect.");
        if (!MailboxAddress.TryParse(options.From, out var from) || !from.Address.Contains('@'))
            failures.Add("LiveHire:Smtp:From must be an e-mail address, e.g. \"LiveHire <noreply@example.org>\", when SMTP is on.");
        if (!string.IsNullOrEmpty(options.Password) && string.IsNullOrEmpty(options.UserName))
            failures.Add("LiveHire:Smtp:UserName is needed with LiveHire:Smtp:Password.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
