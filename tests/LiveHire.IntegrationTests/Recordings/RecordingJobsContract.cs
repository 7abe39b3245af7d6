using Hangfire;
using Hangfire.Storage.SQLite;
using LiveHire.Core.Data;
using LiveHire.Core.Domain;
using LiveHire.Core.Options;
using LiveHire.Core.Ports;
using LiveHire.Core.Recordings;
using LiveHire.Testing;
using LiveHire.Workers.Jobs.Recordings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace LiveHire.IntegrationTests.Recordings;

/// <summary>
/// The recording jobs, called as Hangfire calls them, on real ffmpeg output, a real migrated database and a real blob
/// store; each mode's class derives from this (SQLite + local disk, PostgreSQL + Azurite).
/// </summary>
public abstract class RecordingJobsContract : IAsyncLifetime
{
    private static readonly RecordingOptions Settings = new() { RecordingArchiveLeaseSeconds = 600, RecordingRetentionDays = 30 };
    private readonly string work = TestTempDirectory.Create("archive");
    protected readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 11, 25, 6, 0, 0, TimeSpan.Zero));
    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected abstract IBlobStore Store { get; }
    protected abstract ValueTask CreateDatabaseAsync();
    protected abstract LiveHireDbContext NewContext();

    public async ValueTask InitializeAsync()
    {
        await CreateDatabaseAsync();
        await using var db = NewContext();
        await db.Database.MigrateAsync(Ct);
    }

    public virtual ValueTask DisposeAsync()
    {
        TestTempDirectory.Delete(work);
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task Ended_session_with_two_epochs_becomes_one_mp4_as_long_as_what_was_streamed()
    {
        var (sessionId, timeline) = await EndedSessionAsync([4, 3]);
        var recordingId = await RequestAsync(sessionId);

        await ArchiveAsync(recordingId);

        var recording = await ReadAsync(recordingId);
        recording.State.ShouldBe(RecordingState.Ready, recording.FailureReason);
        recording.BlobKey.ShouldBe($"recordings/{sessionId:N}.mp4");
        var mp4 = await DownloadAsync(recording.BlobKey!);
        mp4.Length.ShouldBe(recording.SizeBytes!.Value);
        var probed = await SegmentTimeline.ProbeSecondsAsync(mp4.Path, Ct);
        probed.ShouldBe(timeline.TotalSeconds, timeline.TotalSeconds * 0.1, "the MP4 lasts as long as the epochs together");
        recording.Duration!.Value.TotalSeconds.ShouldBe(probed, 0.01);
        (await File.ReadAllBytesAsync(mp4.Path, Ct)).AsSpan(4, 4).SequenceEqual("ftyp"u8).ShouldBeTrue("an MP4 starts with its ftyp box");
    }

    [Fact]
    public async Task Archiving_twice_leaves_one_identical_file_and_one_attempt()
    {
        var (sessionId, _) = await EndedSessionAsync([3]);
        var recordingId = await RequestAsync(sessionId);

        await ArchiveAsync(recordingId);
        var first = await File.ReadAllBytesAsync((await DownloadAsync(Recording.Mp4KeyFor(sessionId))).Path, Ct);
        await ArchiveAsync(recordingId);

        var again = await File.ReadAllBytesAsync((await DownloadAsync(Recording.Mp4KeyFor(sessionId))).Path, Ct);
        again.ShouldBe(first);
        (await ReadAsync(recordingId)).Attempts.ShouldBe(1);
    }

    [Fact]
    public async Task Worker_that_died_mid_archive_is_taken_over_after_its_lease_and_the_file_is_whole()
    {
        var (sessionId, timeline) = await EndedSessionAsync([3, 2]);
        var recordingId = await RequestAsync(sessionId);
        // What a Workers process killed mid-upload leaves: the row claimed with a lease, one block staged with other bytes.
        await using (var db = NewContext())
        {
            var claimed = await db.Recordings.SingleAsync(r => r.Id == recordingId, Ct);
            claimed.StartArchiving(Clock.GetUtcNow(), Settings.ArchiveLease).IsSuccess.ShouldBeTrue();
            await db.SaveChangesAsync(Ct);
        }
        await Store.StageBlockAsync(Recording.Mp4KeyFor(sessionId), 0, new MemoryStream(new byte[1000]), Ct);

        await ArchiveAsync(recordingId);
        (await ReadAsync(recordingId)).State.ShouldBe(RecordingState.Archiving, "the lease is still held: nobody else may start");
        (await Store.ExistsAsync(Recording.Mp4KeyFor(sessionId), Ct)).ShouldBeFalse();

        Clock.Advance(Settings.ArchiveLease + TimeSpan.FromSeconds(1));
        await ArchiveAsync(recordingId);

        var recording = await ReadAsync(recordingId);
        recording.State.ShouldBe(RecordingState.Ready, recording.FailureReason);
        recording.Attempts.ShouldBe(2);
        var mp4 = await DownloadAsync(recording.BlobKey!);
        (await SegmentTimeline.ProbeSecondsAsync(mp4.Path, Ct)).ShouldBe(timeline.TotalSeconds, timeline.TotalSeconds * 0.1);
    }

    [Fact]
    public async Task Playlist_without_its_end_fails_with_a_reason_and_is_retried_after_the_back_off()
    {
        var sessionId = await AddSessionAsync();
        var timeline = await SegmentTimeline.CreateAsync(work, [2], Ct);
        await timeline.PublishAsync(sessionId, Put, ended: false);
        var recordingId = await RequestAsync(sessionId);

        await ArchiveAsync(recordingId);
        var failed = await ReadAsync(recordingId);
        failed.State.ShouldBe(RecordingState.Failed);
        failed.FailureReason.ShouldNotBeNull().ShouldContain("ENDLIST");

        var jobs = TestJobStorage();
        (await SweepAsync(jobs)).ShouldBe(0, "a failure is retried only after its back-off");
        Clock.Advance(TimeSpan.FromMinutes(1));
        (await SweepAsync(jobs)).ShouldBe(1);
        jobs.GetMonitoringApi().EnqueuedCount("default").ShouldBe(1);

        await timeline.PublishAsync(sessionId, Put, ended: true);
        await ArchiveAsync(recordingId);
        (await ReadAsync(recordingId)).State.ShouldBe(RecordingState.Ready);
        (await SweepAsync(jobs)).ShouldBe(0, "a ready recording is not archived again");
    }

    [Fact]
    public async Task New_request_is_enqueued_by_the_watcher_once_and_not_after_it_is_archived()
    {
        var (sessionId, _) = await EndedSessionAsync([1]);
        var jobs = TestJobStorage();
        var watcher = Watcher(jobs);
        async Task<int> PollAsync()
        {
            await using var db = NewContext();
            return await watcher.EnqueueNewAsync(db, Ct);
        }

        (await PollAsync()).ShouldBe(0, "nothing is requested yet");
        var recordingId = await RequestAsync(sessionId);
        (await PollAsync()).ShouldBe(1);
        (await PollAsync()).ShouldBe(0, "a request already enqueued is not enqueued again while it waits");
        jobs.GetMonitoringApi().EnqueuedCount("default").ShouldBe(1);

        await ArchiveAsync(recordingId);
        Clock.Advance(TimeSpan.FromHours(1));
        (await PollAsync()).ShouldBe(0, "an archived recording is no longer requested");
    }

    [Fact]
    public async Task Watcher_takes_over_a_recording_once_its_dead_workers_lease_ran_out()
    {
        var (sessionId, _) = await EndedSessionAsync([1]);
        var recordingId = await RequestAsync(sessionId);
        await using (var db = NewContext())
        {
            var claimed = await db.Recordings.SingleAsync(r => r.Id == recordingId, Ct);
            claimed.StartArchiving(Clock.GetUtcNow(), Settings.ArchiveLease).IsSuccess.ShouldBeTrue();
            await db.SaveChangesAsync(Ct);
        }
        var jobs = TestJobStorage();
        var watcher = Watcher(jobs);
        async Task<int> PollAsync()
        {
            await using var db = NewContext();
            return await watcher.EnqueueNewAsync(db, Ct);
        }

        (await PollAsync()).ShouldBe(0, "its worker still holds the lease");
        Clock.Advance(Settings.ArchiveLease + TimeSpan.FromSeconds(1));
        (await PollAsync()).ShouldBe(1);
        (await PollAsync()).ShouldBe(0);
        jobs.GetMonitoringApi().EnqueuedCount("default").ShouldBe(1);
    }

    [Fact]
    public async Task Asking_to_archive_twice_at_once_leaves_one_request()
    {
        var sessionId = await AddSessionAsync();

        await Parallel.ForEachAsync(Enumerable.Range(0, 6), Ct, async (_, ct) =>
        {
            await using var db = NewContext();
            await new RecordingArchiver(db, Clock).RequestArchiveAsync(sessionId, ct);
        });
        await using (var db = NewContext())
            await new RecordingArchiver(db, Clock).RequestArchiveAsync(sessionId, Ct);

        await using var check = NewContext();
        (await check.Recordings.CountAsync(r => r.SessionId == sessionId, Ct)).ShouldBe(1);
        (await check.Recordings.SingleAsync(r => r.SessionId == sessionId, Ct)).State.ShouldBe(RecordingState.Requested);
    }

    [Fact]
    public async Task Retention_deletes_old_recordings_with_their_segments_and_keeps_recent_ones()
    {
        var (oldSession, _) = await EndedSessionAsync([1]);
        var oldRecording = await RequestAsync(oldSession);
        await ArchiveAsync(oldRecording);
        Clock.Advance(TimeSpan.FromDays(Settings.RecordingRetentionDays - 1));
        var (recentSession, _) = await EndedSessionAsync([1]);
        var recentRecording = await RequestAsync(recentSession);
        await ArchiveAsync(recentRecording);
        Clock.Advance(TimeSpan.FromDays(2));

        (await RetainAsync()).ShouldBe(1);
        (await RetainAsync()).ShouldBe(0, "a second run finds nothing more to delete");

        var old = await ReadAsync(oldRecording);
        old.State.ShouldBe(RecordingState.Deleted);
        old.DeletedAt.ShouldBe(Clock.GetUtcNow());
        (await Store.ExistsAsync(Recording.Mp4KeyFor(oldSession), Ct)).ShouldBeFalse();
        (await Store.ExistsAsync($"video/{oldSession:N}/vod.m3u8", Ct)).ShouldBeFalse();
        (await Store.ExistsAsync($"video/{oldSession:N}/000-000000.ts", Ct)).ShouldBeFalse();
        (await ReadAsync(recentRecording)).State.ShouldBe(RecordingState.Ready);
        (await Store.ExistsAsync(Recording.Mp4KeyFor(recentSession), Ct)).ShouldBeTrue();
        (await Store.ExistsAsync($"video/{recentSession:N}/vod.m3u8", Ct)).ShouldBeTrue();
    }

    private async Task<(Guid SessionId, SegmentTimeline Timeline)> EndedSessionAsync(int[] epochSeconds)
    {
        var sessionId = await AddSessionAsync();
        var timeline = await SegmentTimeline.CreateAsync(Path.Combine(work, sessionId.ToString("N")), epochSeconds, Ct);
        await timeline.PublishAsync(sessionId, Put);
        return (sessionId, timeline);
    }

    private Task Put(string key, Stream content, string contentType) => Store.PutAsync(key, content, contentType, Ct);

    private async Task<Guid> AddSessionAsync()
    {
        var now = Clock.GetUtcNow();
        await using var db = NewContext();
        var employer = Organization.Create("浦江精密机械", OrganizationKind.Employer, "闵行区", now);
        var recruiterName = $"{Guid.NewGuid():N}@example.cn";
        var recruiter = new User
        {
            Id = Guid.CreateVersion7(now), UserName = recruiterName, NormalizedUserName = recruiterName.ToUpperInvariant(),
            DisplayName = "王经理", SecurityStamp = Guid.NewGuid().ToString("N"), CreatedAt = now,
        };
        var session = LiveSession.Schedule(employer.Id, null, "直播带岗", now.AddMinutes(5), now.AddHours(1), recruiter.Id, now).Value!;
        db.AddRange(employer, recruiter, session);
        await db.SaveChangesAsync(Ct);
        return session.Id;
    }

    private async Task<Guid> RequestAsync(Guid sessionId)
    {
        await using (var db = NewContext())
            await new RecordingArchiver(db, Clock).RequestArchiveAsync(sessionId, Ct);
        await using var read = NewContext();
        return await read.Recordings.Where(r => r.SessionId == sessionId).Select(r => r.Id).SingleAsync(Ct);
    }

    private async Task ArchiveAsync(Guid recordingId)
    {
        await using var db = NewContext();
        await new ArchiveRecording(db, Store, Clock, Microsoft.Extensions.Options.Options.Create(Settings), NullLogger<ArchiveRecording>.Instance)
            .RunAsync(recordingId, Ct);
    }

    private async Task<int> SweepAsync(JobStorage storage)
    {
        await using var db = NewContext();
        return await new ArchivePendingRecordings(db, new BackgroundJobClient(storage), Clock).RunAsync(Ct);
    }

    private NewRecordingWatcher Watcher(JobStorage storage) => new(
        new ServiceCollection().BuildServiceProvider().GetRequiredService<IServiceScopeFactory>(), new BackgroundJobClient(storage),
        Microsoft.Extensions.Options.Options.Create(Settings), Clock, NullLogger<NewRecordingWatcher>.Instance);

    private async Task<int> RetainAsync()
    {
        await using var db = NewContext();
        return await new DeleteExpiredRecordings(db, Store, Clock, Microsoft.Extensions.Options.Options.Create(Settings)).RunAsync(Ct);
    }

    private SQLiteStorage TestJobStorage()
    {
        // Never a provider left behind by a stopped in-process host (see HangfireGlobalState).
        Hangfire.Logging.LogProvider.SetCurrentLogProvider(null);
        return new(Path.Combine(work, $"jobs-{Guid.NewGuid():N}.db"), new SQLiteStorageOptions());
    }

    private async Task<Recording> ReadAsync(Guid recordingId)
    {
        await using var db = NewContext();
        return await db.Recordings.AsNoTracking().SingleAsync(r => r.Id == recordingId, Ct);
    }

    private async Task<(string Path, long Length)> DownloadAsync(string key)
    {
        await using var download = await Store.OpenReadAsync(key, Ct);
        download.ShouldNotBeNull($"{key} is in the blob store");
        var path = Path.Combine(work, $"{Guid.NewGuid():N}.mp4");
        await using (var file = File.Create(path))
            await download.Content.CopyToAsync(file, Ct);
        return (path, new FileInfo(path).Length);
    }
}
