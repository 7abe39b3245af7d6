using LiveHire.Core.Domain;
using Microsoft.Extensions.Time.Testing;

namespace LiveHire.UnitTests.Domain;

public sealed class LiveSessionTests
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 2, 1, 30, 0, TimeSpan.Zero));
    private readonly Guid _employer = Guid.NewGuid();
    private readonly Guid _recruiter = Guid.NewGuid();

    private DateTimeOffset Now => _clock.GetUtcNow();

    private Result<LiveSession> Schedule(DateTimeOffset start, DateTimeOffset end, string title = "直播带岗") =>
        LiveSession.Schedule(_employer, null, title, start, end, _recruiter, Now);

    private LiveSession Scheduled() => Schedule(Now.AddHours(1), Now.AddHours(3)).Value!;

    private LiveSession Live()
    {
        var session = Scheduled();
        session.GoLive(Now).IsSuccess.ShouldBeTrue();
        return session;
    }

    private LiveSession Ended()
    {
        var session = Live();
        session.End(Now).IsSuccess.ShouldBeTrue();
        return session;
    }

    private LiveSession Cancelled()
    {
        var session = Scheduled();
        session.Cancel().IsSuccess.ShouldBeTrue();
        return session;
    }

    [Fact]
    public void Scheduled_session_is_stored_in_UTC_with_a_trimmed_title()
    {
        var start = new DateTimeOffset(2026, 3, 5, 14, 0, 0, Beijing);

        var session = Schedule(start, start.AddHours(2), "  春风行动  ").Value!;

        session.Status.ShouldBe(LiveSessionStatus.Scheduled);
        session.Title.ShouldBe("春风行动");
        session.ScheduledStart.ShouldBe(start);
        session.ScheduledStart.Offset.ShouldBe(TimeSpan.Zero);
        session.ScheduledEnd.Offset.ShouldBe(TimeSpan.Zero);
        session.CreatedAt.ShouldBe(Now);
    }

    [Fact]
    public void Session_cannot_be_scheduled_in_the_past()
    {
        var result = Schedule(Now.AddHours(-3), Now.AddHours(-1));

        result.IsSuccess.ShouldBeFalse();
        result.Error!.Code.ShouldBe("validation.session.past");
    }

    [Fact]
    public void Session_ending_exactly_now_counts_as_past()
    {
        Schedule(Now.AddHours(-1), Now).Error!.Code.ShouldBe("validation.session.past");
    }

    [Fact]
    public void Session_may_start_now()
    {
        Schedule(Now, Now.AddHours(1)).IsSuccess.ShouldBeTrue();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-30)]
    public void Session_must_end_after_it_starts(int minutes)
    {
        var start = Now.AddDays(1);

        Schedule(start, start.AddMinutes(minutes)).Error!.Code.ShouldBe("validation.session.time");
    }

    [Fact]
    public void Session_may_last_exactly_the_maximum_duration()
    {
        var start = Now.AddDays(1);

        Schedule(start, start + LiveSession.MaxDuration).IsSuccess.ShouldBeTrue();
    }

    [Fact]
    public void Session_longer_than_the_maximum_duration_is_refused()
    {
        var start = Now.AddDays(1);

        Schedule(start, start + LiveSession.MaxDuration + TimeSpan.FromMinutes(1)).Error!.Code.ShouldBe("validation.session.duration");
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Session_needs_a_title(string title)
    {
        Schedule(Now.AddDays(1), Now.AddDays(1).AddHours(1), title).Error!.Code.ShouldBe("validation.session.title");
    }

    [Fact]
    public void Session_title_longer_than_the_limit_is_refused()
    {
        var title = new string('岗', LiveSession.TitleMaxLength + 1);

        Schedule(Now.AddDays(1), Now.AddDays(1).AddHours(1), title).Error!.Code.ShouldBe("validation.session.title");
    }

    [Fact]
    public void Scheduled_session_goes_live_and_records_when()
    {
        var session = Scheduled();
        _clock.Advance(TimeSpan.FromMinutes(55));

        session.GoLive(Now).IsSuccess.ShouldBeTrue();

        session.Status.ShouldBe(LiveSessionStatus.Live);
        session.StartedAt.ShouldBe(Now);
    }

    [Fact]
    public void Going_live_again_is_harmless_and_keeps_the_first_start()
    {
        var session = Live();
        var startedAt = session.StartedAt;
        _clock.Advance(TimeSpan.FromMinutes(5));

        session.GoLive(Now).IsSuccess.ShouldBeTrue();

        session.Status.ShouldBe(LiveSessionStatus.Live);
        session.StartedAt.ShouldBe(startedAt);
    }

    [Fact]
    public void Ended_session_cannot_go_live_again()
    {
        var session = Ended();

        session.GoLive(Now).Error!.Code.ShouldBe("conflict.session.not_scheduled");
        session.Status.ShouldBe(LiveSessionStatus.Ended);
    }

    [Fact]
    public void Cancelled_session_cannot_go_live()
    {
        var session = Cancelled();

        session.GoLive(Now).Error!.Code.ShouldBe("conflict.session.not_scheduled");
        session.Status.ShouldBe(LiveSessionStatus.Cancelled);
    }

    [Fact]
    public void Live_session_ends_and_records_when()
    {
        var session = Live();
        _clock.Advance(TimeSpan.FromHours(2));

        session.End(Now).IsSuccess.ShouldBeTrue();

        session.Status.ShouldBe(LiveSessionStatus.Ended);
        session.EndedAt.ShouldBe(Now);
    }

    [Fact]
    public void Ending_again_is_harmless_and_keeps_the_first_end()
    {
        var session = Ended();
        var endedAt = session.EndedAt;
        _clock.Advance(TimeSpan.FromMinutes(1));

        session.End(Now).IsSuccess.ShouldBeTrue();

        session.EndedAt.ShouldBe(endedAt);
    }

    [Fact]
    public void Session_that_never_went_live_cannot_end()
    {
        var session = Scheduled();

        session.End(Now).Error!.Code.ShouldBe("conflict.session.not_live");
        session.Status.ShouldBe(LiveSessionStatus.Scheduled);
        session.EndedAt.ShouldBeNull();
    }

    [Fact]
    public void Cancelled_session_cannot_end()
    {
        Cancelled().End(Now).Error!.Code.ShouldBe("conflict.session.not_live");
    }

    [Fact]
    public void Session_can_be_cancelled_before_it_starts()
    {
        var session = Scheduled();

        session.Cancel().IsSuccess.ShouldBeTrue();

        session.Status.ShouldBe(LiveSessionStatus.Cancelled);
    }

    [Fact]
    public void Live_session_cannot_be_cancelled()
    {
        var session = Live();

        session.Cancel().Error!.Code.ShouldBe("conflict.session.not_scheduled");
        session.Status.ShouldBe(LiveSessionStatus.Live);
    }

    [Fact]
    public void Ended_session_cannot_be_cancelled()
    {
        var session = Ended();

        session.Cancel().Error!.Code.ShouldBe("conflict.session.not_scheduled");
        session.Status.ShouldBe(LiveSessionStatus.Ended);
    }

    [Fact]
    public void Scheduled_and_live_sessions_accept_questions()
    {
        Scheduled().AcceptsQuestions.ShouldBeTrue();
        Live().AcceptsQuestions.ShouldBeTrue();
    }

    [Fact]
    public void Ended_and_cancelled_sessions_accept_no_questions()
    {
        Ended().AcceptsQuestions.ShouldBeFalse();
        Cancelled().AcceptsQuestions.ShouldBeFalse();
    }
}
