using System.Net;
using System.Net.Http.Json;
using LiveHire.Testing;

namespace LiveHire.EndToEndTests;

/// <summary>
/// Distributed mode: two Realtime nodes behind nginx on PostgreSQL, Redis and Azurite. A session's ingest sticks to one
/// node, its video is published to blob storage and served by any node, and ending it on another node closes it.
/// </summary>
public sealed class VideoDistributedTests(TestServers servers)
{
    [Fact]
    public async Task Ingest_sticks_to_one_node_and_any_node_serves_the_video_from_blob_storage()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var cluster = await Deployment.StartAsync(Mode.Distributed, servers, ct, realtimeNodes: 2);
        var sessionId = await VideoStudio.ScheduleSessionAsync(cluster.BaseUrl, ct);
        await using var hostHub = await LiveHubClient.ConnectAsync(cluster.BaseUrl, People.Recruiter, ct);
        (await hostHub.GoLiveAsync(sessionId)).Ok.ShouldBeTrue();
        using var host = await SignedInClient.SignInAsync(cluster.BaseUrl, People.Recruiter, People.Password, ct);

        var chunks = VideoStudio.Chunks(await VideoStudio.ClipAsync(ct), 8);
        var epoch = await VideoStudio.StartEpochOkAsync(host.Http, sessionId, ct);
        await VideoStudio.PushAllAsync(host.Http, sessionId, epoch, chunks.Select((c, i) => ((long)i, c)), ct);
        await VideoStudio.WaitForPlaylistAsync(host.Http, sessionId, "live.m3u8", p => VideoStudio.Segments(p).Length >= 2, ct);
        VideoStudio.FfmpegProcesses(sessionId).Count.ShouldBe(1, "one ffmpeg for the session in the whole cluster");

        // Straight to each node, bypassing nginx: the node holding the lease may start the next epoch, the other must refuse.
        var answers = new List<(HttpStatusCode Status, string? Code)>();
        foreach (var node in cluster.RealtimeNodes)
        {
            using var response = await host.Http.PostAsync(new Uri(node.BaseUrl, $"/ingest/{sessionId}/epochs?type=video%2Fwebm%3Bcodecs%3Dh264"), null, ct);
            answers.Add((response.StatusCode, response.IsSuccessStatusCode ? null : (await response.Content.ReadFromJsonAsync<ProblemBody>(ct))!.Code));
        }
        answers.ShouldContain((HttpStatusCode.OK, null));
        answers.ShouldContain((HttpStatusCode.Conflict, "conflict.video.ingest_elsewhere"));

        // Both nodes serve the same playlist, from blob storage.
        foreach (var node in cluster.RealtimeNodes)
        {
            using var playlist = await host.Http.GetAsync(new Uri(node.BaseUrl, $"/video/{sessionId:N}/vod.m3u8"), ct);
            (await playlist.Content.ReadAsStringAsync(ct)).ShouldContain("001-000000.ts");
        }

        // The host ends the session through the hub, whichever node that is; the ingest node notices and closes the recording.
        (await hostHub.EndSessionAsync(sessionId)).Ok.ShouldBeTrue();
        await VideoStudio.WaitForPlaylistAsync(host.Http, sessionId, "vod.m3u8", p => p.Contains("#EXT-X-ENDLIST"), ct, seconds: 30);
        VideoStudio.FfmpegProcesses(sessionId).ShouldBeEmpty();
    }
}
