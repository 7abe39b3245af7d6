namespace LiveHire.Bench.Harness;

/// <summary>
/// Counts every QuestionAsked a viewer receives (per viewer, so a lost message shows) and, while recording, the
/// post-to-receipt latency (<see cref="LatencyHistogram"/>).
/// </summary>
public sealed class Deliveries
{
    private readonly LatencyHistogram latency = new();
    private readonly LatencyHistogram steadyLatency = new();
    private volatile LatencyHistogram recordingInto;
    private long total;
    private long presence;
    private volatile bool recording;

    public long Total => Interlocked.Read(ref total);
    public long Presence => Interlocked.Read(ref presence);

    public Deliveries() => recordingInto = latency;

    /// <summary>Records latency under the saturating closed loop (<see cref="PercentileMs"/>).</summary>
    public void StartRecording()
    {
        recordingInto = latency;
        recording = true;
    }

    /// <summary>Records latency at a steady, unsaturated rate (<see cref="SteadyPercentileMs"/>), apart from the closed loop's.</summary>
    public void StartSteadyRecording()
    {
        recordingInto = steadyLatency;
        recording = true;
    }

    public void StopRecording() => recording = false;

    public void Question(QuestionView question, ref long perViewer)
    {
        Interlocked.Increment(ref total);
        Interlocked.Increment(ref perViewer);
        if (recording && QuestionText.AgeMs(question.Text) is { } ms) recordingInto.Record(ms);
    }

    public void PresenceChanged() => Interlocked.Increment(ref presence);

    /// <summary>The latency below which <paramref name="fraction"/> of the recorded deliveries fell, in ms.</summary>
    public double PercentileMs(double fraction) => latency.PercentileMs(fraction);

    /// <summary>As <see cref="PercentileMs"/>, for the deliveries recorded at the steady rate.</summary>
    public double SteadyPercentileMs(double fraction) => steadyLatency.PercentileMs(fraction);
}
