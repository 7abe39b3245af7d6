using System.Security.Cryptography;
using System.Text;

namespace LiveHire.Core.Domain;

/// <summary>
/// A one-time SMS code for signing in or up with a phone number. Only a hash of the code is stored;
/// a code expires, and too many wrong tries burn it.
/// </summary>
public sealed class PhoneVerification
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);
    public static readonly TimeSpan ResendInterval = TimeSpan.FromSeconds(60);
    public const int MaxAttempts = 5;

    public Guid Id { get; private set; }
    public string PhoneNumber { get; private set; } = "";
    public string CodeHash { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset ExpiresAt { get; private set; }
    public int Attempts { get; private set; }
    public DateTimeOffset? ConsumedAt { get; private set; }

    private PhoneVerification() { }

    public static PhoneVerification Issue(string phoneNumber, string code, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now), PhoneNumber = phoneNumber, CodeHash = Hash(phoneNumber, code),
        CreatedAt = now, ExpiresAt = now + Lifetime,
    };

    public bool IsUsable(DateTimeOffset now) => ConsumedAt is null && now < ExpiresAt && Attempts < MaxAttempts;

    /// <summary>Checks a code; a right code consumes the verification, a wrong one counts an attempt.</summary>
    public bool TryConsume(string code, DateTimeOffset now)
    {
        if (!IsUsable(now)) return false;
        var ok = CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(CodeHash), Encoding.ASCII.GetBytes(Hash(PhoneNumber, code.Trim())));
        if (ok) ConsumedAt = now; else Attempts++;
        return ok;
    }

    private static string Hash(string phone, string code) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{phone}:{code}")));
}
