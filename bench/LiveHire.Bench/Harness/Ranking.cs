using System.Diagnostics;

namespace LiveHire.Bench.Harness;

/// <summary>
/// The live ranking as a watcher in the room sees it (its <c>VotesChanged</c> batches), and the vote-to-ranking
/// latency of each accepted vote: from the moment the voter called VoteQuestion to the first batch in which the
/// question's count reached the count that vote produced. Only votes are cast (nobody takes a vote back), so a
/// question's count only grows and "reached" is well defined. A vote's result may come back after the batch that
/// shows it (the batch loop can run between the vote and its reply), so every batch's arrival is kept.
/// </summary>
public sealed class Ranking
{
    private sealed class Question
    {
        public readonly List<(long Count, long At)> Seen = [];
        public readonly List<(long Count, long SentAt)> Waiting = [];
    }

    private readonly Dictionary<Guid, Question> questions = [];
    private volatile bool recording;
    private long batches;

    public LatencyHistogram Latency { get; } = new();
    public long Batches => Interlocked.Read(ref batches);

    public void StartRecording() => recording = true;
    public void StopRecording() => recording = false;

    /// <summary>Accepted votes recorded in the window whose count the watcher has not seen yet.</summary>
    public int Unseen { get { lock (questions) return questions.Values.Sum(q => q.Waiting.Count); } }

    /// <summary>A <c>VotesChanged</c> batch arrived at the watcher.</summary>
    public void Batch(VotesView batch)
    {
        var now = Stopwatch.GetTimestamp();
        Interlocked.Increment(ref batches);
        lock (questions)
        {
            foreach (var (id, count) in batch.Votes)
            {
                var q = Of(id);
                if (q.Seen.Count > 0 && q.Seen[^1].Count >= count) continue;
                q.Seen.Add((count, now));
                q.Waiting.RemoveAll(w =>
                {
                    if (w.Count > count) return false;
                    Latency.Record(Stopwatch.GetElapsedTime(w.SentAt, now).TotalMilliseconds);
                    return true;
                });
            }
        }
    }

    /// <summary>An accepted vote: sent at <paramref name="sentAt"/>, it made the question's count <paramref name="count"/>.</summary>
    public void Accepted(Guid questionId, long count, long sentAt)
    {
        if (!recording) return;
        lock (questions)
        {
            var q = Of(questionId);
            var seen = q.Seen.FindIndex(s => s.Count >= count);
            if (seen >= 0) Latency.Record(Stopwatch.GetElapsedTime(sentAt, q.Seen[seen].At).TotalMilliseconds);
            else q.Waiting.Add((count, sentAt));
        }
    }

    private Question Of(Guid id)
    {
        if (!questions.TryGetValue(id, out var q)) questions[id] = q = new Question();
        return q;
    }
}
