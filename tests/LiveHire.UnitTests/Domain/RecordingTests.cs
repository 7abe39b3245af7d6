using LiveHire.Core.Domain;

namespace LiveHire.UnitTests.Domain;

public sealed class RecordingTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 6, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(30);

    [Fact]
    public void Recording_held_by_a_live_lease_cannot_be_claimed_again_until_the_lease_runs_out()
    {
        var recording = Recording.Request(Guid.NewGuid(), Now);
        recording.StartArchiving(Now, Lease).IsSuccess.ShouldBeTrue();

        recording.StartArchiving(Now.AddMinutes(29), Lease).Error!.Code.ShouldBe("conflict.recording.not_archivable");
        recording.StartArchiving(Now.AddMinutes(30), Lease).IsSuccess.ShouldBeTrue();
        recording.Attempts.ShouldBe(2);
    }

    [Fact]
    public void Failed_recording_is_retried_after_a_back_off_that_doubles()
    {
        var recording = Recording.Request(Guid.NewGuid(), Now);
        recording.StartArchiving(Now, Lease);
        recording.Fail("vod.m3u8 has no #EXT-X-ENDLIST yet", Now);
        recording.CanStartArchiving(Now.AddSeconds(59)).ShouldBeFalse();
        recording.CanStartArchiving(Now.AddMinutes(1)).ShouldBeTrue();

        recording.StartArchiving(Now.AddMinutes(1), Lease);
        recording.Fail("again", Now.AddMinutes(1));
        recording.CanStartArchiving(Now.AddMinutes(2)).ShouldBeFalse();
        recording.CanStartArchiving(Now.AddMinutes(3)).ShouldBeTrue();
    }

    [Fact]
    public void Recording_that_failed_every_attempt_stays_failed()
    {
        var recording = Recording.Request(Guid.NewGuid(), Now);
        var at = Now;
        for (var i = 0; i < Recording.MaxAttempts; i++)
        {
            recording.StartArchiving(at, Lease).IsSuccess.ShouldBeTrue();
            recording.Fail("ffmpeg exited with 1", at);
            at = at.AddDays(1);
        }

        recording.CanStartArchiving(at.AddDays(30)).ShouldBeFalse();
    }

    [Fact]
    public void Ready_recording_is_never_archived_again_and_needs_a_file()
    {
        var recording = Recording.Request(Guid.NewGuid(), Now);
        recording.MarkReady("recordings/x.mp4", TimeSpan.FromMinutes(5), 1000, Now).IsSuccess.ShouldBeFalse("it was never being archived");
        recording.StartArchiving(Now, Lease);
        recording.MarkReady("recordings/x.mp4", TimeSpan.Zero, 1000, Now).IsSuccess.ShouldBeFalse("an empty recording is not ready");

        recording.MarkReady("recordings/x.mp4", TimeSpan.FromMinutes(5), 1000, Now).IsSuccess.ShouldBeTrue();

        recording.CanStartArchiving(Now.AddYears(1)).ShouldBeFalse();
        recording.LeaseUntil.ShouldBeNull();
    }

    [Fact]
    public void Hidden_recording_plays_only_for_its_host()
    {
        var recording = Recording.Request(Guid.NewGuid(), Now);
        recording.StartArchiving(Now, Lease);
        recording.MarkReady("recordings/x.mp4", TimeSpan.FromMinutes(5), 1000, Now);

        recording.SetHidden(true, Now);

        recording.IsPlayableBy(isHost: false).ShouldBeFalse();
        recording.IsPlayableBy(isHost: true).ShouldBeTrue();
    }

    [Fact]
    public void Retention_does_not_delete_a_recording_being_archived_but_does_once_its_worker_is_gone()
    {
        var recording = Recording.Request(Guid.NewGuid(), Now);
        recording.StartArchiving(Now, Lease);

        recording.MarkDeleted(Now.AddMinutes(1)).IsSuccess.ShouldBeFalse();
        recording.MarkDeleted(Now.AddHours(1)).IsSuccess.ShouldBeTrue();

        recording.State.ShouldBe(RecordingState.Deleted);
        recording.SetHidden(true, Now.AddHours(2)).IsSuccess.ShouldBeFalse();
        recording.CanStartArchiving(Now.AddDays(1)).ShouldBeFalse();
    }
}
