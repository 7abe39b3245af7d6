using Hangfire;
using LiveHire.Core.Data;
using LiveHire.Core.Domain;
using LiveHire.Core.Options;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LiveHire.Workers.Jobs.Recordings;

/// <summary>
/// Starts archiving seconds after a session ends: every <see cref="RecordingOptions.RecordingPollSeconds"/> it reads
/// the recordings still in <see cref="RecordingState.Requested"/> (an index seek, usually empty) and enqueues an
/// <see cref="ArchiveRecording"/> for each it has not enqueued yet. The requester (Realtime) only writes the row and
/// needs no job store (ADR 0006); the minutely <see cref="ArchivePendingRecordings"/> sweep stays the retry policy for
/// failures and expired leases. Two job servers may both enqueue a recording: the archive's claim lets one run.
/// </summary>
public sealed partial class NewRecordingWatcher(
    IServiceScopeFactory scopes, IBackgroundJobClient jobs, IOptions<RecordingOptions> options, TimeProvider clock,
    ILogger<NewRecordingWatcher> logger) : BackgroundService
{
    // What this process enqueued and when; forgotten after a while so a row that somehow stays Requested is offered again.
    private readonly Dictionary<Guid, DateTimeOffset> enqueued = [];
    private static readonly TimeSpan Forget = TimeSpan.FromMinutes(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.Poll, clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await EnqueueNewAsync(scope.ServiceProvider.GetRequiredService<LiveHireDbContext>(), stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                // A database that is briefly away must not stop the watcher; the minutely sweep covers the gap.
                LogPollFailed(e);
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Enqueues an archive for each requested recording this process has not enqueued lately; returns how many.</summary>
    public async Task<int> EnqueueNewAsync(LiveHireDbContext db, CancellationToken cancellationToken)
    {
        var requested = await db.Recordings.AsNoTracking()
            .Where(r => r.State == RecordingState.Requested)
            .OrderBy(r => r.RequestedAt)
            .Select(r => r.Id)
            .Take(200)
            .ToListAsync(cancellationToken);

        var now = clock.GetUtcNow();
        foreach (var id in enqueued.Where(e => now - e.Value > Forget).Select(e => e.Key).ToList())
            enqueued.Remove(id);
        var count = 0;
        foreach (var id in requested.Where(id => !enqueued.ContainsKey(id)))
        {
            jobs.Enqueue<ArchiveRecording>(j => j.RunAsync(id, CancellationToken.None));
            enqueued[id] = now;
            count++;
        }
        return count;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Looking for newly requested recordings failed; the minutely sweep will pick them up")]
    private partial void LogPollFailed(Exception exception);
}
