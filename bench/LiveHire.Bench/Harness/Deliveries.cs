namespace LiveHire.Bench.Harness;

/// <summary>
/// Counts every QuestionAsked a viewer receives (per viewer, so a lost message shows) and, while recording, the
/// post-to-receipt latency (<see cref="LatencyHistogram"/>).
/// </summary>
public sealed class Deliveries
{
    private readonly LatencyHistogram latency = new();
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
        if (recording && QuestionText.AgeMs(question.Text) is { } ms) latency.Record(ms);
    }

    public void PresenceChanged() => Interlocked.Increment(ref presence);

    /// <summary>The latency below which <paramref name="fraction"/> of the recorded deliveries fell, in ms.</summary>
    public double PercentileMs(double fraction) => latency.PercentileMs(fraction);
}
