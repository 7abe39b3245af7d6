using LiveHire.Core.Fairs;

namespace LiveHire.Workers.Jobs;

/// <summary>Keeps every fair series' editions generated <see cref="FairEditions.Ahead"/> ahead. Safe to run twice.</summary>
public sealed class GenerateFairEditions(FairEditions editions)
{
    public const string Id = "generate-fair-editions";

    public Task<int> RunAsync(CancellationToken cancellationToken) => editions.GenerateAsync(null, cancellationToken);
}
