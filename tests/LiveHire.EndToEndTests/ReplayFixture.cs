using System.Net.Http.Json;
using LiveHire.Core.Adapters;
using LiveHire.Core.Data;
using LiveHire.Core.Domain;
using LiveHire.Core.Recordings;
using LiveHire.Testing;
using Microsoft.EntityFrameworkCore;

namespace LiveHire.EndToEndTests;

/// <summary>
/// An Embedded deployment whose live demo session has ended its video: segments and vod.m3u8 published as ingest
/// writes them, the archive requested as ingest requests it, then archived by Web's own job server (its watcher of new
/// requests), so every test starts from a Ready recording made by the real path.
/// </summary>
public sealed class ReplayFixture : IAsyncLifetime
{
    private readonly string work = TestTempDirectory.Create("replay");

    public Deployment Deployment { get; private set; } = null!;
    public Uri BaseUrl => Deployment.BaseUrl;
    public Guid SessionId { get; private set; }
    public SegmentTimeline Timeline { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        Deployment = await Deployment.StartAsync(Mode.Embedded, servers: null, ct);
        using (var http = new HttpClient { BaseAddress = BaseUrl })
            SessionId = (await http.GetFromJsonAsync<List<SessionRow>>("/api/v1/sessions", ct))!.Single(s => s.Status == "Live").Id;

        Timeline = await SegmentTimeline.CreateAsync(work, [8, 5], ct);
        var blobs = new LocalDiskBlobStore(Path.Combine(Deployment.DataDirectory!, "blobs"));
        await Timeline.PublishAsync(SessionId, (key, content, type) => blobs.PutAsync(key, content, type, ct));
        await using (var db = NewContext())
            await new RecordingArchiver(db, TimeProvider.System).RequestArchiveAsync(SessionId, ct);

        var started = DateTimeOffset.UtcNow;
        while (await StateAsync(ct) != RecordingState.Ready)
        {
            if (DateTimeOffset.UtcNow - started > TimeSpan.FromMinutes(3))
                throw new TimeoutException($"The recording was not archived within 3 minutes (state {await StateAsync(ct)}).\n{Deployment.Logs}");
            await Task.Delay(500, ct);
        }
    }

    public LiveHireDbContext NewContext() => new SqliteLiveHireDbContext(new DbContextOptionsBuilder<SqliteLiveHireDbContext>()
        .UseSqlite($"Data Source={Path.Combine(Deployment.DataDirectory!, "livehire.db")};Pooling=False;Default Timeout=30").Options);

    private async Task<RecordingState?> StateAsync(CancellationToken ct)
    {
        await using var db = NewContext();
        return await db.Recordings.Where(r => r.SessionId == SessionId).Select(r => (RecordingState?)r.State).SingleOrDefaultAsync(ct);
    }

    private sealed record SessionRow(Guid Id, string Status);

    public async ValueTask DisposeAsync()
    {
        await Deployment.DisposeAsync();
        TestTempDirectory.Delete(work);
    }
}
