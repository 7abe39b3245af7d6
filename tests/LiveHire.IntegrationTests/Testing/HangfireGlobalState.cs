namespace LiveHire.IntegrationTests.Testing;

/// <summary>
/// Hangfire keeps process-wide state (its log provider, its global configuration): tests that host Hangfire servers or
/// use its storages in this process run one at a time, never beside each other.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class HangfireGlobalState
{
    public const string Name = "Hangfire global state";
}
