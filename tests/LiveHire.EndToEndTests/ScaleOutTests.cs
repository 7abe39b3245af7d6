using System.Net.Http.Json;
using LiveHire.Core.Adapters;
using LiveHire.Core.Ports;
using LiveHire.Testing;
using StackExchange.Redis;

namespace LiveHire.EndToEndTests;

/// <summary>
/// Distributed mode with two real Realtime processes on one Redis: what happens on one node is seen on the other,
/// counts are global, events from Web reach hosts once, and clients come back after a node restarts.
/// </summary>
public sealed class ScaleOutTests(TestServers servers)
{
    [Fact]
    public async Task Question_asked_through_node_A_reaches_viewers_on_node_B_and_counts_are_global()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var cluster = await Deployment.StartAsync(Mode.Distributed, servers, ct, realtimeNodes: 2);
        var (nodeA, nodeB) = (cluster.RealtimeNodes[0].BaseUrl, cluster.RealtimeNodes[1].BaseUrl);
        var sessionId = await LiveSessionIdAsync(cluster.BaseUrl, ct);

        await using var viewerOnB = await LiveHubClient.ConnectAsync(cluster.BaseUrl, People.Admin, ct, hubBaseUrl: nodeB);
        await viewerOnB.JoinAsync(sessionId);
        await using var candidateOnA = await LiveHubClient.ConnectAsync(cluster.BaseUrl, People.Candidate, ct, hubBaseUrl: nodeA);
        var joinedOnA = await candidateOnA.JoinAsync(sessionId);
        joinedOnA.Value!.Presence.Viewers.ShouldBe(2, "presence lives in Redis: node A counts the viewer on node B");

        var text = $"两个节点都能看到吗？{Guid.NewGuid():N}";
        (await candidateOnA.AskAsync(sessionId, text)).Ok.ShouldBeTrue();
        (await LiveHubAuthorizationTests.ReadUntilAsync(viewerOnB.Questions, q => q.Text == text, ct)).SessionId.ShouldBe(sessionId);

        // The same person on the other node is still one viewer.
        await using var candidateOnB = await LiveHubClient.ConnectAsync(cluster.BaseUrl, People.Candidate, ct, hubBaseUrl: nodeB);
        (await candidateOnB.JoinAsync(sessionId)).Value!.Presence.Viewers.ShouldBe(2);
    }

    [Fact]
    public async Task Event_from_web_reaches_the_host_exactly_once_whichever_node_relays_it_even_past_an_unreadable_one()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var cluster = await Deployment.StartAsync(Mode.Distributed, servers, ct, realtimeNodes: 2);
        var sessionId = await LiveSessionIdAsync(cluster.BaseUrl, ct);
        await using var hostOnA = await LiveHubClient.ConnectAsync(cluster.BaseUrl, People.Recruiter, ct, hubBaseUrl: cluster.RealtimeNodes[0].BaseUrl);
        await using var hostOnB = await LiveHubClient.ConnectAsync(cluster.BaseUrl, People.Recruiter, ct, hubBaseUrl: cluster.RealtimeNodes[1].BaseUrl);
        var onA = hostOnA.Events<ApplicationSeen>("ApplicationReceived");
        var onB = hostOnB.Events<ApplicationSeen>("ApplicationReceived");
        (await hostOnA.JoinAsync(sessionId)).Value!.IsHost.ShouldBeTrue();
        (await hostOnB.JoinAsync(sessionId)).Value!.IsHost.ShouldBeTrue();

        // Play the part of Web: publish through the same notifier Web uses in Distributed mode.
        await using var redis = await ConnectionMultiplexer.ConnectAsync(cluster.Settings["LiveHire__Redis"]);
        var notifier = new RedisStreamLiveNotifier(redis, cluster.Settings["LiveHire__RedisPrefix"]);
        var applications = Enumerable.Range(0, 20).Select(_ => Guid.NewGuid()).ToList();
        foreach (var (id, i) in applications.Select((id, i) => (id, i)))
        {
            // An entry no node can read, among the rest: it is dropped (and logged), and the events around it still arrive.
            if (i == 10)
                await redis.GetDatabase().StreamAddAsync(LiveEventStream.Key(cluster.Settings["LiveHire__RedisPrefix"]), LiveEventStream.Field, "{not a live event");
            await notifier.PublishAsync(new ApplicationReceived(sessionId, id, Guid.NewGuid(), "食品包装工", "陈小红", true, DateTimeOffset.UtcNow), ct);
        }

        foreach (var channel in new[] { onA, onB })
        {
            var seen = new List<Guid>();
            while (seen.Count < applications.Count)
                seen.Add((await LiveHubAuthorizationTests.ReadUntilAsync(channel, _ => true, ct)).ApplicationId);
            seen.ShouldBe(applications, ignoreOrder: true);
        }
        await Task.Delay(TimeSpan.FromSeconds(1), ct);
        onA.Reader.Count.ShouldBe(0, "no event is delivered twice");
        onB.Reader.Count.ShouldBe(0, "no event is delivered twice");
    }

    [Fact]
    public async Task Client_reconnects_after_its_node_restarts_and_gets_the_room_again()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var cluster = await Deployment.StartAsync(Mode.Distributed, servers, ct, realtimeNodes: 2);
        var node = cluster.RealtimeNodes[0];
        var sessionId = await LiveSessionIdAsync(cluster.BaseUrl, ct);
        await using var candidate = await LiveHubClient.ConnectAsync(cluster.BaseUrl, People.Candidate, ct, hubBaseUrl: node.BaseUrl, autoReconnect: true);
        await candidate.JoinAsync(sessionId);
        var asked = await candidate.AskAsync(sessionId, "重启之前问的问题");
        var rejoined = new TaskCompletionSource<HubResult<RoomSnapshot>>();
        candidate.OnReconnected(async () => rejoined.TrySetResult(await candidate.JoinAsync(sessionId)));

        await node.RestartAsync(cancellationToken: ct);

        var snapshot = await rejoined.Task.WaitAsync(TimeSpan.FromSeconds(30), ct);
        snapshot.Ok.ShouldBeTrue();
        snapshot.Value!.Questions.ShouldContain(q => q.Id == asked.Value!.Id, "questions are durable across a node restart");
        snapshot.Value.Presence.Viewers.ShouldBeGreaterThanOrEqualTo(1);
        (await candidate.AskAsync(sessionId, "重启之后还能提问")).Ok.ShouldBeTrue();
    }

    private sealed record ApplicationSeen(Guid ApplicationId, Guid SessionId);
    private sealed record SessionRow(Guid Id, string Status);

    private static async Task<Guid> LiveSessionIdAsync(Uri baseUrl, CancellationToken ct)
    {
        using var http = new HttpClient { BaseAddress = baseUrl };
        return (await http.GetFromJsonAsync<List<SessionRow>>("/api/v1/sessions", ct))!.Single(s => s.Status == "Live").Id;
    }
}
