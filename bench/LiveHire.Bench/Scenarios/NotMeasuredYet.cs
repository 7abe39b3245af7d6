namespace LiveHire.Bench.Scenarios;

/// <summary>
/// Measurements of issue 7 whose feature is not there yet. Each becomes its own scenario class once it can be
/// measured; until then the report says why not.
/// </summary>
public static class NotMeasuredYet
{
    public static IReadOnlyList<ScenarioResult> All { get; } =
    [
        ScenarioResult.NotMeasured(7, "Live video (glass-to-glass latency, ffmpeg CPU)",
            "Not built yet. The video path exists (ADR 0004: browser or OBS ingest, ffmpeg to HLS), but the glass-to-glass measurement (a headless " +
            "Chromium broadcasting a stamped picture from the studio, a second page decoding the stamp from the played video) and ffmpeg's CPU per " +
            "session are not in the bench yet."),
    ];
}
