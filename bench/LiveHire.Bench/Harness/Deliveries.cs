namespace LiveHire.Bench.Harness;

/// <summary>
/// Counts every QuestionAsked a viewer receives (per viewer, so a lost message shows) and, while recording, the
/// post-to-receipt latency in a fixed histogram (0.1 ms buckets up to 60 s) that many threads update without locks.
/// </summary>
public sealed class Deliveries
{
    private const double BucketMs = 0.1;
    private readonly long[] buckets = new long[600_000];
    private long total;
    private long presence;
    private volatile bool recording;

    public long Total => Interlocked.Read(ref total);
    public long Presence => Interlocked.Read(ref presence);

    public void StartRecording() => recording = true;
    public void StopRecording() => recording = false;

    public void Question(QuestionView question, ref long perViewer)
    {
        Interlocked.Increment(ref total);
        Interlocked.Increment(ref perViewer);
        if (recording && QuestionText.AgeMs(question.Text) is { } ms)
            Interlocked.Increment(ref buckets[Math.Min(buckets.Length - 1, (int)(ms / BucketMs))]);
    }

    public void PresenceChanged() => Interlocked.Increment(ref presence);

    /// <summary>The latency below which <paramref name="fraction"/> of the recorded deliveries fell, in ms.</summary>
    public double PercentileMs(double fraction)
    {
        var count = buckets.Sum();
        if (count == 0) return double.NaN;
        var rank = (long)Math.Ceiling(fraction * count);
        long seen = 0;
        for (var i = 0; i < buckets.Length; i++)
        {
            seen += buckets[i];
            if (seen >= rank) return Math.Round((i + 1) * BucketMs, 1);
        }
        return double.PositiveInfinity;
    }
}
