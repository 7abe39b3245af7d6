using System.Net.Http.Json;
using LiveHire.Core.Adapters;
using LiveHire.Core.Data;
using LiveHire.Core.Domain;
using LiveHire.Core.Recordings;
using LiveHire.Testing;
using Microsoft.EntityFrameworkCore;

namespace LiveHire.EndToEndTests;

/// <summary>
/// Distributed mode: segments in Azurite, the request in PostgreSQL, archived by the separate Workers process through its
/// Redis-stored Hangfire sweep; a Workers process killed mid-archive is restarted and the recording still ends whole.
/// </summary>
public sealed class DistributedRecordingTests(TestServers servers) : IAsyncLifetime
{
    // Short, so the restarted Workers may take over a recording its dead predecessor held within the test's patience.
    private const int LeaseSeconds = 15;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private readonly string work = TestTempDirectory.Create("rec-dist");
    private Deployment deployment = null!;
    private AzureBlobStore blobs = null!;

    public async ValueTask InitializeAsync()
    {
        deployment = await Deployment.StartAsync(Mode.Distributed, servers, Ct,
            extraSettings: new Dictionary<string, string> { ["LiveHire__Video__RecordingArchiveLeaseSeconds"] = $"{LeaseSeconds}" });
        blobs = new AzureBlobStore(deployment.Settings["LiveHire__BlobStorage"], deployment.Settings["LiveHire__BlobContainer"]);
    }

    [Fact]
    public async Task Requested_recording_is_archived_by_the_workers_process_into_azure_storage()
    {
        var (sessionId, timeline) = await EndedSessionAsync(0, [6, 4]);

        await RequestAsync(sessionId);
        var recording = await WaitForAsync(sessionId, r => r.State == RecordingState.Ready, TimeSpan.FromMinutes(3));

        recording.Attempts.ShouldBe(1);
        var seconds = await ProbeMp4Async(sessionId);
        seconds.ShouldBe(timeline.TotalSeconds, timeline.TotalSeconds * 0.1);
        recording.Duration!.Value.TotalSeconds.ShouldBe(seconds, 0.01);
    }

    [Fact]
    public async Task Workers_killed_mid_archive_is_restarted_and_finishes_a_correct_file()
    {
        // Long enough (many segments to fetch) that the kill lands while the archive is running.
        var (sessionId, timeline) = await EndedSessionAsync(1, [40, 40]);

        await RequestAsync(sessionId);
        await WaitForAsync(sessionId, r => r.State == RecordingState.Archiving, TimeSpan.FromMinutes(3), poll: TimeSpan.FromMilliseconds(20));
        await deployment.Workers!.RestartAsync(cancellationToken: Ct);

        var afterKill = await ReadAsync(sessionId);
        afterKill!.State.ShouldBe(RecordingState.Archiving, "the kill must land mid-archive for this test to mean anything");
        var recording = await WaitForAsync(sessionId, r => r.State == RecordingState.Ready, TimeSpan.FromMinutes(4));
        recording.Attempts.ShouldBe(2, "the restarted Workers took over once the dead one's lease ran out");
        (await ProbeMp4Async(sessionId)).ShouldBe(timeline.TotalSeconds, timeline.TotalSeconds * 0.1);
    }

    private async Task<(Guid SessionId, SegmentTimeline Timeline)> EndedSessionAsync(int index, int[] epochSeconds)
    {
        using var http = new HttpClient { BaseAddress = deployment.BaseUrl };
        var sessions = await http.GetFromJsonAsync<List<SessionRow>>("/api/v1/sessions", Ct);
        var sessionId = sessions!.OrderBy(s => s.Id).ElementAt(index).Id;
        var timeline = await SegmentTimeline.CreateAsync(Path.Combine(work, $"s{index}"), epochSeconds, Ct);
        await timeline.PublishAsync(sessionId, (key, content, type) => blobs.PutAsync(key, content, type, Ct));
        return (sessionId, timeline);
    }

    private async Task RequestAsync(Guid sessionId)
    {
        await using var db = NewContext();
        await new RecordingArchiver(db, TimeProvider.System).RequestArchiveAsync(sessionId, Ct);
    }

    private async Task<Recording> WaitForAsync(Guid sessionId, Func<Recording, bool> condition, TimeSpan timeout, TimeSpan? poll = null)
    {
        var deadline = DateTimeOffset.UtcNow + timeout;
        while (true)
        {
            if (await ReadAsync(sessionId) is { } recording && condition(recording)) return recording;
            if (DateTimeOffset.UtcNow > deadline)
                throw new TimeoutException($"Recording of {sessionId} is {(await ReadAsync(sessionId))?.State}; waited {timeout}.\n{deployment.Logs}");
            await Task.Delay(poll ?? TimeSpan.FromMilliseconds(500), Ct);
        }
    }

    private async Task<Recording?> ReadAsync(Guid sessionId)
    {
        await using var db = NewContext();
        return await db.Recordings.AsNoTracking().SingleOrDefaultAsync(r => r.SessionId == sessionId, Ct);
    }

    private async Task<double> ProbeMp4Async(Guid sessionId)
    {
        var path = Path.Combine(work, $"{sessionId:N}.mp4");
        await using (var download = await blobs.OpenReadAsync(Recording.Mp4KeyFor(sessionId), Ct))
        await using (var file = File.Create(path))
            await download.ShouldNotBeNull().Content.CopyToAsync(file, Ct);
        return await SegmentTimeline.ProbeSecondsAsync(path, Ct);
    }

    private LiveHireDbContext NewContext() => new PostgresLiveHireDbContext(new DbContextOptionsBuilder<PostgresLiveHireDbContext>()
        .UseNpgsql(deployment.Settings["LiveHire__Postgres"]).Options);

    private sealed record SessionRow(Guid Id, string Status);

    public async ValueTask DisposeAsync()
    {
        if (deployment is not null) await deployment.DisposeAsync();
        TestTempDirectory.Delete(work);
    }
}
