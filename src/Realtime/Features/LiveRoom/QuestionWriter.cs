using System.Collections.Concurrent;
using LiveHire.Core.Data;
using LiveHire.Core.Domain;

namespace LiveHire.Realtime.Features.LiveRoom;

/// <summary>
/// Stores asked questions with group commit: a question asked while the node is saving others waits for that save to end
/// and then goes into the database with every other question that arrived meanwhile, in one transaction (one round trip
/// and one change tracker for the lot). A question asked into a quiet node is saved at once, alone, so nobody waits for
/// company. Each caller's task completes only once its own question is committed, so a question is never broadcast
/// before it is stored. When a batch breaks a constraint, its questions are tried one by one, so one bad question (its
/// session deleted a moment before, say) fails alone and the rest are stored; when the database itself fails, the whole
/// batch fails at once.
/// </summary>
/// <remarks>
/// Why: when a job is presented, questions arrive in floods, and a context built and a SaveChanges per question were most
/// of what a question cost a Realtime node besides its fan-out (benchmark issue 7, docs/benchmarks.md).
/// </remarks>
public sealed class QuestionWriter(IServiceScopeFactory scopes, ILogger<QuestionWriter> logger) : IAsyncDisposable
{
    /// <summary>At most this many questions go into one transaction; the rest wait for the next.</summary>
    public const int MaxBatch = 100;

    private sealed record Pending(Question Question, TaskCompletionSource Stored);

    private readonly ConcurrentQueue<Pending> queue = new();
    // 1 while a flush loop runs. Only the caller that turns it from 0 to 1 starts one, so batches are saved one at a time.
    private int flushing;
    // The context every batch is saved through, made on first use and emptied after each save (as a context pool would):
    // only the running flush loop touches it, and building a context per batch cost as much as the save.
    private AsyncServiceScope? scope;
    private LiveHireDbContext? db;

    /// <summary>Stores <paramref name="question"/>; completes when it is committed, or fails with the reason it could not be.</summary>
    /// <remarks>Not cancellable: once handed over, a question is stored (or fails) whether or not its asker is still there.</remarks>
    public Task SaveAsync(Question question)
    {
        // Asynchronous continuations: each asker's broadcast runs on its own, not inside the loop that saves the next batch.
        var pending = new Pending(question, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        queue.Enqueue(pending);
        if (Interlocked.CompareExchange(ref flushing, 1, 0) == 0)
            _ = Task.Run(FlushAsync);
        return pending.Stored.Task;
    }

    private async Task FlushAsync()
    {
        List<Pending> batch = new(MaxBatch);
        while (true)
        {
            while (batch.Count < MaxBatch && queue.TryDequeue(out var next)) batch.Add(next);
            if (batch.Count > 0)
            {
                await SaveBatchAsync(batch);
                batch.Clear();
                continue;
            }
            Volatile.Write(ref flushing, 0);
            // A question enqueued after the last TryDequeue but before the reset found the loop running and did not start
            // another: this loop takes it on (unless a newer loop already has).
            if (queue.IsEmpty || Interlocked.CompareExchange(ref flushing, 1, 0) != 0) return;
        }
    }

    private async Task SaveBatchAsync(List<Pending> batch)
    {
        try
        {
            await InsertAsync(batch);
            foreach (var pending in batch) pending.Stored.TrySetResult();
        }
        catch (Exception e) when (batch.Count > 1 && DbErrors.IsConstraintViolation(e))
        {
            logger.LogWarning(e, "A question among {Count} stored together broke a constraint; storing them one by one", batch.Count);
            await SaveOneByOneAsync(batch);
        }
        catch (Exception e)
        {
            // The database itself failed (unreachable, timed out): trying each question again would only make every asker
            // of the batch, and everyone queued behind it, wait that much longer for the same answer.
            foreach (var pending in batch) pending.Stored.TrySetException(e);
        }
    }

    private async Task SaveOneByOneAsync(List<Pending> batch)
    {
        for (var i = 0; i < batch.Count; i++)
        {
            try
            {
                await InsertAsync([batch[i]]);
                batch[i].Stored.TrySetResult();
            }
            catch (Exception e) when (DbErrors.IsConstraintViolation(e))
            {
                batch[i].Stored.TrySetException(e);
            }
            catch (Exception e)
            {
                foreach (var pending in batch.Skip(i)) pending.Stored.TrySetException(e);
                return;
            }
        }
    }

    private async Task InsertAsync(IReadOnlyCollection<Pending> batch)
    {
        if (db is null)
        {
            scope = scopes.CreateAsyncScope();
            db = scope.Value.ServiceProvider.GetRequiredService<LiveHireDbContext>();
        }
        try
        {
            db.Questions.AddRange(batch.Select(p => p.Question));
            await db.SaveChangesAsync(CancellationToken.None);
        }
        finally
        {
            // Saved or not, nothing stays tracked: the next batch starts on an empty change tracker.
            db.ChangeTracker.Clear();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (scope is { } made) await made.DisposeAsync();
    }
}
