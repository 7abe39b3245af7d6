using LiveHire.Core.Domain;

namespace LiveHire.UnitTests.Domain;

public sealed class StreamKeyTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 1, 30, 0, TimeSpan.Zero);
    private static readonly Guid Host = Guid.NewGuid();

    private static LiveSession Session() =>
        LiveSession.Schedule(Guid.NewGuid(), null, "周三直播带岗", Now.AddMinutes(30), Now.AddHours(2), Guid.NewGuid(), Now).Value!;

    [Fact]
    public void Issued_key_is_random_well_formed_and_stored_only_as_its_hash()
    {
        var session = Session();

        var (key, plain) = StreamKey.Issue(session, Host, Now).Value;
        var (_, other) = StreamKey.Issue(session, Host, Now).Value;

        StreamKey.LooksLikeKey(plain).ShouldBeTrue();
        plain.ShouldNotBe(other);
        key.KeyHash.ShouldBe(StreamKey.Hash(plain));
        key.KeyHash.ShouldNotContain(plain[3..]);
        key.SessionId.ShouldBe(session.Id);
    }

    [Fact]
    public void Rotation_replaces_the_hash_so_the_old_key_no_longer_matches()
    {
        var session = Session();
        var (key, first) = StreamKey.Issue(session, Host, Now).Value;

        var second = key.Rotate(session, Host, Now.AddMinutes(5)).Value!;

        second.ShouldNotBe(first);
        key.KeyHash.ShouldBe(StreamKey.Hash(second));
        key.KeyHash.ShouldNotBe(StreamKey.Hash(first));
        key.IssuedAt.ShouldBe(Now.AddMinutes(5));
    }

    [Fact]
    public void Key_works_until_two_hours_after_the_scheduled_end_then_expires()
    {
        var session = Session();

        StreamKey.CheckSession(session, session.ScheduledEnd + StreamKey.Grace).IsSuccess.ShouldBeTrue();
        StreamKey.CheckSession(session, session.ScheduledEnd + StreamKey.Grace + TimeSpan.FromSeconds(1)).Error!.Code
            .ShouldBe("conflict.stream_key.expired");
    }

    [Fact]
    public void Ended_or_cancelled_session_refuses_its_key()
    {
        var ended = Session();
        ended.GoLive(Now);
        ended.End(Now.AddMinutes(40));
        var cancelled = Session();
        cancelled.Cancel();

        StreamKey.CheckSession(ended, Now.AddMinutes(41)).Error!.Code.ShouldBe("conflict.stream_key.session_over");
        StreamKey.CheckSession(cancelled, Now).Error!.Code.ShouldBe("conflict.stream_key.session_over");
        StreamKey.Issue(ended, Host, Now.AddMinutes(41)).IsSuccess.ShouldBeFalse();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("lh_")]
    [InlineData("lh_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    [InlineData("lh_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    [InlineData("xx_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    [InlineData("lh_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("lh_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/.")]
    public void Anything_not_shaped_like_a_key_is_rejected_before_any_lookup(string? candidate)
    {
        StreamKey.LooksLikeKey(candidate).ShouldBeFalse();
    }
}
