using System.Net.Http.Json;
using LiveHire.Testing;

namespace LiveHire.EndToEndTests;

/// <summary>One Embedded deployment with demo data shared by a test class (tests that need a clean one start their own).</summary>
public sealed class EmbeddedDeploymentFixture : IAsyncLifetime
{
    public Deployment Deployment { get; private set; } = null!;
    public Uri BaseUrl => Deployment.BaseUrl;

    public async ValueTask InitializeAsync() => Deployment = await Deployment.StartAsync(Mode.Embedded, servers: null);

    /// <summary>The demo session that is live now (its employer is the food company, recruiter@demo's).</summary>
    public async Task<Guid> LiveSessionIdAsync()
    {
        using var http = new HttpClient { BaseAddress = BaseUrl };
        var sessions = await http.GetFromJsonAsync<List<SessionRow>>("/api/v1/sessions");
        return sessions!.Single(s => s.Status == "Live").Id;
    }

    private sealed record SessionRow(Guid Id, string Status);

    public ValueTask DisposeAsync() => Deployment.DisposeAsync();
}
