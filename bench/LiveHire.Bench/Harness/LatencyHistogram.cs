namespace LiveHire.Bench.Harness;

/// <summary>Latencies in fixed 0.1 ms buckets up to 60 s, updated by many threads without locks.</summary>
public sealed class LatencyHistogram
{
    private const double BucketMs = 0.1;
    private readonly long[] buckets = new long[600_000];

    public void Record(double ms) => Interlocked.Increment(ref buckets[Math.Clamp((int)(ms / BucketMs), 0, buckets.Length - 1)]);

    public long Count => buckets.Sum();

    /// <summary>The latency below which <paramref name="fraction"/> of the recorded ones fell, in ms (NaN when none was recorded).</summary>
    public double PercentileMs(double fraction)
    {
        var count = Count;
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
