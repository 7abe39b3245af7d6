namespace LiveHire.IntegrationTests.Testing;

/// <summary>
/// Hangfire keeps process-wide state (its log provider, its global configuration): tests that host Web or Workers in this
/// process, or use Hangfire's storages, run one at a time, never beside each other, and a stopped host resets the log
/// provider it left behind.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class HangfireGlobalState
{
    public const string Name = "Hangfire global state";
}
