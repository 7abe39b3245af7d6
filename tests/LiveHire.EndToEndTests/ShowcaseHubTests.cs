using System.Net.Http.Json;
using LiveHire.Testing;
using Microsoft.AspNetCore.SignalR.Client;

namespace LiveHire.EndToEndTests;

/// <summary>The job showcase (带岗) over real hub connections: who may run it, which jobs it takes, and what viewers see.</summary>
public sealed class ShowcaseHubTests(EmbeddedDeploymentFixture app) : IClassFixture<EmbeddedDeploymentFixture>
{
    public static TheoryData<string?, string> NotHosts => new()
    {
        { null, "auth.required" },
        { People.Candidate, "forbidden" },
        { People.OtherRecruiter, "forbidden" },
        { People.Organizer, "forbidden" },
        { People.Admin, "forbidden" },
    };

    [Theory]
    [MemberData(nameof(NotHosts))]
    public async Task Only_recruiters_of_the_sessions_employer_may_set_the_lineup_or_present(string? who, string expectedError)
    {
        var ct = TestContext.Current.CancellationToken;
        var demo = await DemoIds.LoadAsync(app.BaseUrl, ct);
        await using var client = await LiveHubClient.ConnectAsync(app.BaseUrl, who, ct);
        var before = (await client.JoinAsync(demo.LiveSessionId)).Value!.Showcase;

        var lineup = await client.SetLineupAsync(demo.LiveSessionId, demo.Piecework);
        var present = await client.PresentJobAsync(demo.LiveSessionId, null);

        lineup.Error!.Code.ShouldBe(expectedError);
        present.Error!.Code.ShouldBe(expectedError);
        client.State.ShouldBe(HubConnectionState.Connected);
        (await client.JoinAsync(demo.LiveSessionId)).Value!.Showcase.ShouldBeEquivalentTo(before);
    }

    [Fact]
    public async Task Host_sets_the_lineup_and_presents_and_every_viewer_sees_the_job_card()
    {
        var ct = TestContext.Current.CancellationToken;
        var demo = await DemoIds.LoadAsync(app.BaseUrl, ct);
        await using var host = await LiveHubClient.ConnectAsync(app.BaseUrl, People.Recruiter, ct);
        await using var viewer = await LiveHubClient.ConnectAsync(app.BaseUrl, null, ct);
        var seen = viewer.Events<ShowcaseView>("ShowcaseChanged");
        (await host.JoinAsync(demo.LiveSessionId)).Value!.IsHost.ShouldBeTrue();
        await viewer.JoinAsync(demo.LiveSessionId);

        var lineup = await host.SetLineupAsync(demo.LiveSessionId, demo.Piecework, demo.Packer);
        lineup.Ok.ShouldBeTrue(lineup.Error?.Message);
        var afterLineup = await LiveHubAuthorizationTests.ReadUntilAsync(seen, v => v.Lineup.Count == 2, ct);
        afterLineup.Lineup.Select(j => j.Id).ShouldBe([demo.Piecework, demo.Packer], "in the host's order");

        (await host.PresentJobAsync(demo.LiveSessionId, demo.Packer)).Ok.ShouldBeTrue();
        var card = (await LiveHubAuthorizationTests.ReadUntilAsync(seen, v => v.Current?.Id == demo.Packer, ct)).Current!;
        card.Title.ShouldBe("食品包装工");
        (card.PayMin, card.PayMax, card.PayUnit).ShouldBe((4500m, 6000m, "Month"));
        (card.District, card.Street).ShouldBe(("九龙坡区", "杨家坪街道"));
        card.Benefits.ShouldBe(["SocialInsurance", "Meals"]);
        card.Headcount.ShouldBe(20);
        card.Verified.ShouldBeTrue("the food company's jobs were reviewed by the organizer");

        await using var latecomer = await LiveHubClient.ConnectAsync(app.BaseUrl, null, ct);
        (await latecomer.JoinAsync(demo.LiveSessionId)).Value!.Showcase.Current!.Id.ShouldBe(demo.Packer, "the snapshot carries the job on air");

        (await host.PresentJobAsync(demo.LiveSessionId, null)).Value!.Current.ShouldBeNull();
        (await LiveHubAuthorizationTests.ReadUntilAsync(seen, v => v.Current is null, ct)).Lineup.Count.ShouldBe(2, "between jobs the lineup stays");
    }

    [Fact]
    public async Task Job_of_another_employer_is_refused_from_the_lineup()
    {
        var ct = TestContext.Current.CancellationToken;
        var demo = await DemoIds.LoadAsync(app.BaseUrl, ct);
        await using var host = await LiveHubClient.ConnectAsync(app.BaseUrl, People.Recruiter, ct);
        var before = (await host.JoinAsync(demo.LiveSessionId)).Value!.Showcase;

        var refused = await host.SetLineupAsync(demo.LiveSessionId, demo.Packer, demo.LogisticsJob);

        refused.Error!.Code.ShouldBe("validation.lineup.unknown_job");
        (await host.SetLineupAsync(demo.LiveSessionId, Guid.NewGuid())).Error!.Code.ShouldBe("validation.lineup.unknown_job");
        (await host.JoinAsync(demo.LiveSessionId)).Value!.Showcase.Lineup.Select(j => j.Id).ShouldBe(before.Lineup.Select(j => j.Id), "a refused lineup changes nothing");
    }

    [Fact]
    public async Task Only_a_job_in_the_lineup_can_be_presented_and_a_job_appears_in_it_once()
    {
        var ct = TestContext.Current.CancellationToken;
        var demo = await DemoIds.LoadAsync(app.BaseUrl, ct);
        await using var host = await LiveHubClient.ConnectAsync(app.BaseUrl, People.Recruiter, ct);
        await host.JoinAsync(demo.LiveSessionId);
        (await host.SetLineupAsync(demo.LiveSessionId, demo.Clerk)).Ok.ShouldBeTrue();

        (await host.PresentJobAsync(demo.LiveSessionId, demo.Piecework)).Error!.Code.ShouldBe("validation.session.not_in_lineup");
        (await host.SetLineupAsync(demo.LiveSessionId, demo.Clerk, demo.Clerk)).Error!.Code.ShouldBe("validation.session.lineup_duplicate");
        (await host.SetLineupAsync(demo.LiveSessionId, null!)).Error!.Code.ShouldBe("validation.lineup.missing", "only [] clears the lineup");
        (await host.PresentJobAsync(Guid.NewGuid(), null)).Error!.Code.ShouldBe("not_found");
        (await host.PresentJobAsync(demo.LiveSessionId, demo.Clerk)).Value!.Current!.Id.ShouldBe(demo.Clerk);
    }
}

/// <summary>Ids in the demo data, found through the public API as a client would.</summary>
internal sealed record DemoIds(Guid LiveSessionId, Guid FoodEmployerId, Guid Packer, Guid Clerk, Guid Piecework, Guid LogisticsJob)
{
    private sealed record SessionRow(Guid Id, string Status, Guid EmployerId, string EmployerName);
    private sealed record JobRow(Guid Id, string Title);

    public static async Task<DemoIds> LoadAsync(Uri baseUrl, CancellationToken ct)
    {
        using var anonymous = new HttpClient { BaseAddress = baseUrl };
        var sessions = (await anonymous.GetFromJsonAsync<List<SessionRow>>("/api/v1/sessions", ct))!;
        var live = sessions.Single(s => s.Status == "Live");
        var logistics = sessions.First(s => s.EmployerId != live.EmployerId);
        var food = await JobsAsync(baseUrl, People.Recruiter, live.EmployerId, ct);
        var other = await JobsAsync(baseUrl, People.OtherRecruiter, logistics.EmployerId, ct);
        Guid Id(string title) => food.Single(j => j.Title == title).Id;
        return new DemoIds(live.Id, live.EmployerId, Id("食品包装工"), Id("门店营业员（宝妈岗）"), Id("手工串签（居家计件）"), other[0].Id);
    }

    private static async Task<List<JobRow>> JobsAsync(Uri baseUrl, string recruiter, Guid employerId, CancellationToken ct)
    {
        using var client = await SignedInClient.SignInAsync(baseUrl, recruiter, People.Password, ct);
        return (await client.Http.GetFromJsonAsync<List<JobRow>>($"/api/v1/employers/{employerId}/jobs", ct))!;
    }
}
