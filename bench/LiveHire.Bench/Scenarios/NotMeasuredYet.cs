namespace LiveHire.Bench.Scenarios;

/// <summary>
/// Measurements of issue 7 whose feature is not there yet. Each becomes its own scenario class once it can be
/// measured; until then the report says why not.
/// </summary>
public static class NotMeasuredYet
{
    public static IReadOnlyList<ScenarioResult> All { get; } =
    [
        ScenarioResult.NotMeasured(6, "Reminders (100,000 due reminders vs Hangfire in-memory)",
            "Reminders do not exist yet: there is no reminder entity or dispatch job in Workers (only PurgeExpiredPhoneCodes)."),
        ScenarioResult.NotMeasured(7, "Live video (glass-to-glass latency, ffmpeg CPU)",
            "The video path does not exist yet: Realtime has no ingest, ffmpeg or HLS output."),
    ];
}
