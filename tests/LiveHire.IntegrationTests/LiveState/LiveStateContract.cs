using LiveHire.Core.Ports;

namespace LiveHire.IntegrationTests.LiveState;

/// <summary>What every <see cref="ILiveState"/> must do; each adapter's test class derives from this.</summary>
public abstract class LiveStateContract(ILiveState state)
{
    protected ILiveState State { get; } = state;

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A limiter window short enough to wait out in a test.</summary>
    protected abstract TimeSpan ShortWindow { get; }

    /// <summary>Lets <paramref name="duration"/> pass for the store: real time, or a fake clock moved on.</summary>
    protected abstract Task LetTimePassAsync(TimeSpan duration);

    private readonly Guid _session = Guid.NewGuid();

    [Fact]
    public async Task Two_tabs_of_one_person_count_as_one_viewer()
    {
        var firstTab = await State.JoinAsync(_session, "u:ann", "conn-1", Ct);
        var secondTab = await State.JoinAsync(_session, "u:ann", "conn-2", Ct);

        firstTab.ShouldBe(new PresenceChange(Viewers: 1, Peak: 1, PersonChanged: true));
        secondTab.ShouldBe(new PresenceChange(Viewers: 1, Peak: 1, PersonChanged: false));
        (await State.CountViewersAsync(_session, Ct)).ShouldBe(1);
        (await State.ListViewersAsync(_session, Ct)).ShouldBe(["u:ann"]);
    }

    [Fact]
    public async Task Person_leaves_only_when_their_last_tab_closes()
    {
        await State.JoinAsync(_session, "u:ann", "conn-1", Ct);
        await State.JoinAsync(_session, "u:ann", "conn-2", Ct);
        await State.JoinAsync(_session, "a:cookie-9", "conn-3", Ct);

        var oneTabClosed = await State.LeaveAsync(_session, "u:ann", "conn-1", Ct);
        var lastTabClosed = await State.LeaveAsync(_session, "u:ann", "conn-2", Ct);

        oneTabClosed.ShouldBe(new PresenceChange(Viewers: 2, Peak: 2, PersonChanged: false));
        lastTabClosed.ShouldBe(new PresenceChange(Viewers: 1, Peak: 2, PersonChanged: true));
        (await State.ListViewersAsync(_session, Ct)).ShouldBe(["a:cookie-9"]);
    }

    [Fact]
    public async Task Leaving_twice_or_with_an_unknown_connection_changes_nothing()
    {
        await State.JoinAsync(_session, "u:ann", "conn-1", Ct);
        await State.JoinAsync(_session, "u:bob", "conn-2", Ct);
        await State.LeaveAsync(_session, "u:ann", "conn-1", Ct);

        var repeated = await State.LeaveAsync(_session, "u:ann", "conn-1", Ct);
        var unknown = await State.LeaveAsync(_session, "u:bob", "conn-never-joined", Ct);

        repeated.ShouldBe(new PresenceChange(Viewers: 1, Peak: 2, PersonChanged: false));
        unknown.ShouldBe(new PresenceChange(Viewers: 1, Peak: 2, PersonChanged: false));
    }

    [Fact]
    public async Task Peak_stays_at_the_highest_viewer_count()
    {
        await State.JoinAsync(_session, "u:1", "c1", Ct);
        await State.JoinAsync(_session, "u:2", "c2", Ct);
        await State.JoinAsync(_session, "u:3", "c3", Ct);
        await State.LeaveAsync(_session, "u:1", "c1", Ct);
        await State.LeaveAsync(_session, "u:2", "c2", Ct);
        var everyoneGone = await State.LeaveAsync(_session, "u:3", "c3", Ct);

        var returning = await State.JoinAsync(_session, "u:4", "c4", Ct);

        everyoneGone.ShouldBe(new PresenceChange(Viewers: 0, Peak: 3, PersonChanged: true));
        returning.ShouldBe(new PresenceChange(Viewers: 1, Peak: 3, PersonChanged: true));
    }

    [Fact]
    public async Task Sessions_do_not_share_viewers_or_votes()
    {
        var other = Guid.NewGuid();
        var question = Guid.NewGuid();
        await State.JoinAsync(_session, "u:ann", "c1", Ct);
        await State.ToggleVoteAsync(_session, question, Guid.NewGuid(), Ct);

        var inOther = await State.JoinAsync(other, "u:bob", "c2", Ct);

        inOther.ShouldBe(new PresenceChange(Viewers: 1, Peak: 1, PersonChanged: true));
        (await State.ListViewersAsync(other, Ct)).ShouldBe(["u:bob"]);
        (await State.GetVoteCountsAsync(other, Ct)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Vote_toggles_on_then_off_and_counts_every_person_once()
    {
        var question = Guid.NewGuid();
        Guid ann = Guid.NewGuid(), bob = Guid.NewGuid(), cai = Guid.NewGuid();

        (await State.ToggleVoteAsync(_session, question, ann, Ct)).ShouldBe(new VoteToggle(Voted: true, Votes: 1));
        (await State.ToggleVoteAsync(_session, question, bob, Ct)).ShouldBe(new VoteToggle(Voted: true, Votes: 2));
        (await State.ToggleVoteAsync(_session, question, cai, Ct)).ShouldBe(new VoteToggle(Voted: true, Votes: 3));
        (await State.ToggleVoteAsync(_session, question, ann, Ct)).ShouldBe(new VoteToggle(Voted: false, Votes: 2));
        (await State.ToggleVoteAsync(_session, question, ann, Ct)).ShouldBe(new VoteToggle(Voted: true, Votes: 3));
        (await State.ToggleVoteAsync(_session, question, bob, Ct)).ShouldBe(new VoteToggle(Voted: false, Votes: 2));

        (await State.GetVoteCountsAsync(_session, Ct)).ShouldBe(new Dictionary<Guid, long> { [question] = 2 });
    }

    [Fact]
    public async Task Vote_counts_list_each_voted_question_and_drop_those_left_with_none()
    {
        Guid salary = Guid.NewGuid(), shifts = Guid.NewGuid(), housing = Guid.NewGuid();
        Guid ann = Guid.NewGuid(), bob = Guid.NewGuid();
        await State.ToggleVoteAsync(_session, salary, ann, Ct);
        await State.ToggleVoteAsync(_session, salary, bob, Ct);
        await State.ToggleVoteAsync(_session, shifts, bob, Ct);
        await State.ToggleVoteAsync(_session, housing, ann, Ct);
        await State.ToggleVoteAsync(_session, housing, ann, Ct);

        var counts = await State.GetVoteCountsAsync(_session, Ct);

        counts.ShouldBe(new Dictionary<Guid, long> { [salary] = 2, [shifts] = 1 }, ignoreOrder: true);
    }

    [Fact]
    public async Task Voted_questions_are_the_persons_own_current_votes()
    {
        Guid salary = Guid.NewGuid(), shifts = Guid.NewGuid(), housing = Guid.NewGuid();
        Guid ann = Guid.NewGuid(), bob = Guid.NewGuid();
        await State.ToggleVoteAsync(_session, salary, ann, Ct);
        await State.ToggleVoteAsync(_session, shifts, ann, Ct);
        await State.ToggleVoteAsync(_session, housing, ann, Ct);
        await State.ToggleVoteAsync(_session, shifts, ann, Ct);
        await State.ToggleVoteAsync(_session, housing, bob, Ct);

        (await State.GetVotedQuestionsAsync(_session, ann, Ct)).ShouldBe([salary, housing], ignoreOrder: true);
        (await State.GetVotedQuestionsAsync(_session, bob, Ct)).ShouldBe([housing]);
        (await State.GetVotedQuestionsAsync(_session, Guid.NewGuid(), Ct)).ShouldBeEmpty();
        (await State.GetVotedQuestionsAsync(Guid.NewGuid(), ann, Ct)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Limiter_allows_the_limit_then_refuses_within_the_window()
    {
        var key = $"ask:{Guid.NewGuid():N}";
        var window = TimeSpan.FromMinutes(1);

        var results = new List<bool>();
        for (var i = 0; i < 5; i++) results.Add(await State.TryAcquireAsync(key, limit: 3, window, Ct));

        results.ShouldBe([true, true, true, false, false]);
        (await State.TryAcquireAsync($"ask:{Guid.NewGuid():N}", limit: 3, window, Ct)).ShouldBeTrue("another key has its own budget");
    }

    [Fact]
    public async Task Limiter_allows_again_after_the_window()
    {
        var key = $"vote:{Guid.NewGuid():N}";
        (await State.TryAcquireAsync(key, limit: 2, ShortWindow, Ct)).ShouldBeTrue();
        (await State.TryAcquireAsync(key, limit: 2, ShortWindow, Ct)).ShouldBeTrue();
        (await State.TryAcquireAsync(key, limit: 2, ShortWindow, Ct)).ShouldBeFalse();

        await LetTimePassAsync(ShortWindow + TimeSpan.FromMilliseconds(200));

        (await State.TryAcquireAsync(key, limit: 2, ShortWindow, Ct)).ShouldBeTrue();
        (await State.TryAcquireAsync(key, limit: 2, ShortWindow, Ct)).ShouldBeTrue();
        (await State.TryAcquireAsync(key, limit: 2, ShortWindow, Ct)).ShouldBeFalse();
    }

    [Fact]
    public async Task Fifty_parallel_joins_of_distinct_viewers_count_fifty()
    {
        var joins = await Task.WhenAll(Enumerable.Range(0, 50).Select(i =>
            Task.Run(() => State.JoinAsync(_session, $"u:{i}", $"conn-{i}", Ct), Ct)));

        joins.ShouldAllBe(j => j.PersonChanged);
        joins.Max(j => j.Peak).ShouldBe(50);
        joins.Select(j => j.Viewers).Order().ShouldBe(Enumerable.Range(1, 50).Select(i => (long)i));
        (await State.CountViewersAsync(_session, Ct)).ShouldBe(50);
    }

    [Fact]
    public async Task Parallel_votes_of_distinct_people_are_all_counted()
    {
        var question = Guid.NewGuid();

        var toggles = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ =>
            Task.Run(() => State.ToggleVoteAsync(_session, question, Guid.NewGuid(), Ct), Ct)));

        toggles.ShouldAllBe(t => t.Voted);
        toggles.Select(t => t.Votes).Order().ShouldBe(Enumerable.Range(1, 50).Select(i => (long)i));
        (await State.GetVoteCountsAsync(_session, Ct))[question].ShouldBe(50);
    }

    [Fact]
    public async Task Parallel_calls_under_one_limiter_key_get_exactly_the_limit()
    {
        var key = $"apply:{Guid.NewGuid():N}";

        var results = await Task.WhenAll(Enumerable.Range(0, 40).Select(_ =>
            Task.Run(() => State.TryAcquireAsync(key, limit: 7, TimeSpan.FromMinutes(1), Ct), Ct)));

        results.Count(allowed => allowed).ShouldBe(7);
    }

    [Fact]
    public async Task Health_check_passes_when_the_store_is_reachable()
    {
        await State.CheckHealthAsync(Ct);
    }
}
