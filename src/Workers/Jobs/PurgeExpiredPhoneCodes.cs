using LiveHire.Core.Data;
using LiveHire.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace LiveHire.Workers.Jobs;

/// <summary>Retention: SMS sign-in codes are deleted a day after they expire. Safe to run twice.</summary>
public sealed class PurgeExpiredPhoneCodes(LiveHireDbContext db, TimeProvider clock)
{
    public const string Id = "purge-expired-phone-codes";
    public static readonly TimeSpan KeepAfterExpiry = TimeSpan.FromDays(1);

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var cutoff = clock.GetUtcNow() - KeepAfterExpiry;
        return await db.PhoneVerifications.Where(p => p.ExpiresAt < cutoff).ExecuteDeleteAsync(cancellationToken);
    }
}
