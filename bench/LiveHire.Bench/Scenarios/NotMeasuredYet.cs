namespace LiveHire.Bench.Scenarios;

/// <summary>
/// Measurements of issue 7 whose feature is not there yet. Each becomes its own scenario class once it can be
/// measured; until then the report says why not. Every measurement of issue 7 has its scenario now.
/// </summary>
public static class NotMeasuredYet
{
    public static IReadOnlyList<ScenarioResult> All { get; } =
    [
    ];
}
