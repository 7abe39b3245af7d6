namespace LiveHire.Bench.Scenarios;

/// <summary>
/// Measurements of issue 7 whose feature is not there yet. Each becomes its own scenario class once it can be
/// measured; until then the report says why not.
/// </summary>
public static class NotMeasuredYet
{
    public static IReadOnlyList<ScenarioResult> All { get; } =
    [
        ScenarioResult.NotMeasured(2, "Vote storm (accepted votes/s vs redis-benchmark)",
            "VoteQuestion (one vote per person, batched VotesChanged) landed after this harness was written; " +
            "its scenario (votes/s against redis-benchmark running the same Redis commands) is the next class to write."),
        ScenarioResult.NotMeasured(5, "Resume drop (20 × 2 MB uploads vs Azure SDK straight to Azurite)",
            "Resume upload (POST /api/v1/resumes, streamed to blob storage) landed after this harness was written; " +
            "its scenario (HttpClient uploads with the antiforgery header, against the Azure SDK straight to Azurite) is still to write."),
        ScenarioResult.NotMeasured(6, "Reminders (100,000 due reminders vs Hangfire in-memory)",
            "Reminders do not exist yet: there is no reminder entity or dispatch job in Workers (only PurgeExpiredPhoneCodes)."),
        ScenarioResult.NotMeasured(7, "Live video (glass-to-glass latency, ffmpeg CPU)",
            "The video path does not exist yet: Realtime has no ingest, ffmpeg or HLS output."),
    ];
}
