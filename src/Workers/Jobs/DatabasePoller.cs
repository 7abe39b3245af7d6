using LiveHire.Core.Data;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace LiveHire.Workers.Jobs;

/// <summary>
/// A job server's watcher that reads the database every <see cref="Interval"/> and enqueues work it finds, so that work
/// starts seconds after it is due rather than at the next minutely job. A failed read is logged and tried again at the
/// next tick: the minutely jobs cover the gap.
/// </summary>
public abstract class DatabasePoller(IServiceScopeFactory scopes, TimeProvider clock) : BackgroundService
{
    protected TimeProvider Clock { get; } = clock;

    protected abstract TimeSpan Interval { get; }

    /// <summary>One look at the database; returns how many jobs it enqueued.</summary>
    protected abstract Task<int> PollAsync(LiveHireDbContext db, CancellationToken cancellationToken);

    protected abstract void LogPollFailed(Exception exception);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, Clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await PollAsync(scope.ServiceProvider.GetRequiredService<LiveHireDbContext>(), stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                LogPollFailed(e);
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
