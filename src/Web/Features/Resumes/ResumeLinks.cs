using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace LiveHire.Web.Features.Resumes;

public enum ResumeLinkCheck { Valid, Forged, Expired }

/// <summary>
/// Short-lived tokens that let a host open the resume of one application. A plain data protector with the expiry
/// inside the payload, rather than ITimeLimitedDataProtector: it tells an expired link (410) from a forged one (403)
/// and reads the injected clock. The token alone is not enough: the file also needs a recruiter's cookie.
/// </summary>
public sealed class ResumeLinks(IDataProtectionProvider protection, TimeProvider clock, IOptions<ResumeOptions> options)
{
    private readonly IDataProtector protector = protection.CreateProtector("LiveHire.Resumes.ApplicationLink.v1");

    public static string FilePath(Guid applicationId, string token) => $"/resumes/{applicationId}/file?t={Uri.EscapeDataString(token)}";

    public (string Url, DateTimeOffset ExpiresAt) Issue(Guid applicationId)
    {
        var expiresAt = clock.GetUtcNow() + options.Value.LinkLifetime;
        var token = protector.Protect($"{applicationId:N}|{expiresAt.ToUnixTimeMilliseconds()}");
        return (FilePath(applicationId, token), expiresAt);
    }

    public ResumeLinkCheck Check(Guid applicationId, string? token)
    {
        if (string.IsNullOrEmpty(token)) return ResumeLinkCheck.Forged;
        string payload;
        try
        {
            payload = protector.Unprotect(token);
        }
        catch (Exception ex) when (ex is CryptographicException or FormatException)
        {
            return ResumeLinkCheck.Forged;
        }
        var parts = payload.Split('|');
        if (parts.Length != 2 || !Guid.TryParseExact(parts[0], "N", out var boundTo) || boundTo != applicationId
            || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var expiresMs))
            return ResumeLinkCheck.Forged;
        return clock.GetUtcNow().ToUnixTimeMilliseconds() < expiresMs ? ResumeLinkCheck.Valid : ResumeLinkCheck.Expired;
    }
}
