using System.Text;
using LiveHire.Core.Ports;

namespace LiveHire.IntegrationTests.Storage;

/// <summary>What every <see cref="IBlobStore"/> must do; each adapter's test class derives from this.</summary>
public abstract class BlobStoreContract(IBlobStore store)
{
    protected IBlobStore Store { get; } = store;

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Stored_blob_reads_back_with_its_content_type_and_length()
    {
        var content = Encoding.UTF8.GetBytes("%PDF-1.7 简历 résumé");

        await Store.PutAsync("resumes/2025-06/u_42.v1.pdf", new UploadStream(content), "application/pdf", Ct);

        await using var download = await Store.OpenReadAsync("resumes/2025-06/u_42.v1.pdf", Ct);
        download.ShouldNotBeNull();
        download.ContentType.ShouldBe("application/pdf");
        download.Length.ShouldBe(content.Length);
        (await ReadAllAsync(download)).ShouldBe(content);
    }

    [Fact]
    public async Task Put_replaces_the_content_and_type_of_an_existing_blob()
    {
        await Store.PutAsync("contracts/c1", new MemoryStream("draft"u8.ToArray()), "text/plain", Ct);

        var signed = "signed contract, final"u8.ToArray();
        await Store.PutAsync("contracts/c1", new MemoryStream(signed), "application/pdf", Ct);

        await using var download = await Store.OpenReadAsync("contracts/c1", Ct);
        download.ShouldNotBeNull();
        download.ContentType.ShouldBe("application/pdf");
        download.Length.ShouldBe(signed.Length);
        (await ReadAllAsync(download)).ShouldBe(signed);
    }

    [Fact]
    public async Task Delete_reports_true_while_the_blob_exists_and_false_after()
    {
        await Store.PutAsync("hls/s1/seg-001.ts", new MemoryStream([1, 2, 3]), "video/mp2t", Ct);

        (await Store.DeleteAsync("hls/s1/seg-001.ts", Ct)).ShouldBeTrue();
        (await Store.DeleteAsync("hls/s1/seg-001.ts", Ct)).ShouldBeFalse();
        (await Store.OpenReadAsync("hls/s1/seg-001.ts", Ct)).ShouldBeNull();
    }

    [Fact]
    public async Task Exists_is_true_only_while_the_blob_is_stored()
    {
        (await Store.ExistsAsync("recordings/r1.mp4", Ct)).ShouldBeFalse();

        await Store.PutAsync("recordings/r1.mp4", new MemoryStream([0]), "video/mp4", Ct);
        (await Store.ExistsAsync("recordings/r1.mp4", Ct)).ShouldBeTrue();

        await Store.DeleteAsync("recordings/r1.mp4", Ct);
        (await Store.ExistsAsync("recordings/r1.mp4", Ct)).ShouldBeFalse();
    }

    [Fact]
    public async Task Missing_blob_opens_as_null()
    {
        (await Store.OpenReadAsync("resumes/never-written.pdf", Ct)).ShouldBeNull();
        (await Store.OpenReadAsync("no-such-folder/deeper/x", Ct)).ShouldBeNull();
    }

    [Theory]
    [InlineData("")]
    [InlineData("/resumes/a.pdf")]
    [InlineData("resumes/")]
    [InlineData("resumes//a.pdf")]
    [InlineData("../secrets")]
    [InlineData("resumes/../../etc/passwd")]
    [InlineData("resumes/./a.pdf")]
    [InlineData("..")]
    [InlineData("resumes\\a.pdf")]
    [InlineData("resumes/a b.pdf")]
    [InlineData("resumes/简历.pdf")]
    [InlineData("resumes/a.pdf?x=1")]
    [InlineData("C:/resumes/a.pdf")]
    public async Task Invalid_keys_are_rejected_by_every_operation(string key)
    {
        await Should.ThrowAsync<ArgumentException>(() => Store.PutAsync(key, new MemoryStream([1]), "text/plain", Ct));
        await Should.ThrowAsync<ArgumentException>(() => Store.OpenReadAsync(key, Ct));
        await Should.ThrowAsync<ArgumentException>(() => Store.DeleteAsync(key, Ct));
        await Should.ThrowAsync<ArgumentException>(() => Store.ExistsAsync(key, Ct));
        await Should.ThrowAsync<ArgumentException>(() => Store.OpenReadRangeAsync(key, 0, 1, Ct));
        await Should.ThrowAsync<ArgumentException>(() => Store.StageBlockAsync(key, 0, new MemoryStream([1]), Ct));
        await Should.ThrowAsync<ArgumentException>(() => Store.CommitBlocksAsync(key, 1, "video/mp4", Ct));
        await Should.ThrowAsync<ArgumentException>(() => Store.DeleteFolderAsync(key, Ct));
    }

    [Fact]
    public async Task Five_megabyte_stream_reads_back_byte_identical()
    {
        var content = new byte[5 * 1024 * 1024 + 17];
        new Random(20250601).NextBytes(content);

        // Unseekable and of unknown length, like an upload body or an ffmpeg pipe.
        await Store.PutAsync("recordings/big.mp4", new UploadStream(content), "video/mp4", Ct);

        await using var download = await Store.OpenReadAsync("recordings/big.mp4", Ct);
        download.ShouldNotBeNull();
        download.Length.ShouldBe(content.Length);
        (await ReadAllAsync(download)).AsSpan().SequenceEqual(content).ShouldBeTrue("the bytes read back differ from those written");
    }

    [Fact]
    public async Task Concurrent_writes_of_different_keys_all_land()
    {
        var keys = Enumerable.Range(0, 24).Select(i => $"resumes/batch/r{i:00}.txt").ToArray();

        await Parallel.ForEachAsync(keys, Ct, async (key, ct) =>
            await Store.PutAsync(key, new MemoryStream(Encoding.UTF8.GetBytes(key)), "text/plain", ct));

        foreach (var key in keys)
        {
            await using var download = await Store.OpenReadAsync(key, Ct);
            download.ShouldNotBeNull();
            Encoding.UTF8.GetString(await ReadAllAsync(download)).ShouldBe(key);
        }
    }

    [Fact]
    public async Task Blob_being_replaced_reads_as_the_old_content_until_the_write_completes()
    {
        await Store.PutAsync("resumes/live.txt", new MemoryStream("old"u8.ToArray()), "text/plain", Ct);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var replacement = new UploadStream(Encoding.UTF8.GetBytes(new string('n', 64 * 1024)), holdAt: 1000, release: release.Task);

        var writing = Store.PutAsync("resumes/live.txt", replacement, "text/markdown", Ct);
        await replacement.ReachedHold.Task.WaitAsync(TimeSpan.FromSeconds(30), Ct);

        await using (var during = await Store.OpenReadAsync("resumes/live.txt", Ct))
        {
            during.ShouldNotBeNull();
            during.ContentType.ShouldBe("text/plain");
            (await ReadAllAsync(during)).ShouldBe("old"u8.ToArray());
        }

        release.SetResult();
        await writing;
        await using var after = await Store.OpenReadAsync("resumes/live.txt", Ct);
        after.ShouldNotBeNull();
        after.Length.ShouldBe(64 * 1024);
    }

    [Fact]
    public async Task Failed_write_leaves_the_previous_blob_untouched()
    {
        await Store.PutAsync("contracts/c2.pdf", new MemoryStream("v1"u8.ToArray()), "application/pdf", Ct);
        var broken = new UploadStream(new byte[200_000], holdAt: 50_000, failure: new IOException("client went away"));

        await Should.ThrowAsync<IOException>(() => Store.PutAsync("contracts/c2.pdf", broken, "application/pdf", Ct));

        await using var download = await Store.OpenReadAsync("contracts/c2.pdf", Ct);
        download.ShouldNotBeNull();
        (await ReadAllAsync(download)).ShouldBe("v1"u8.ToArray());
    }

    [Fact]
    public async Task Failed_write_of_a_new_key_leaves_no_blob()
    {
        var broken = new UploadStream(new byte[200_000], holdAt: 50_000, failure: new IOException("client went away"));

        await Should.ThrowAsync<IOException>(() => Store.PutAsync("resumes/half.pdf", broken, "application/pdf", Ct));

        (await Store.ExistsAsync("resumes/half.pdf", Ct)).ShouldBeFalse();
        (await Store.OpenReadAsync("resumes/half.pdf", Ct)).ShouldBeNull();
    }

    [Fact]
    public async Task Committed_blocks_read_back_in_block_order_as_one_blob()
    {
        byte[][] blocks = [RandomBytes(1, 300_000), RandomBytes(2, 5), RandomBytes(3, 120_000)];

        // Staged out of order: the block number, not the arrival, decides the position.
        await Store.StageBlockAsync("recordings/s1.mp4", 2, new MemoryStream(blocks[2]), Ct);
        await Store.StageBlockAsync("recordings/s1.mp4", 0, new MemoryStream(blocks[0]), Ct);
        await Store.StageBlockAsync("recordings/s1.mp4", 1, new MemoryStream(blocks[1]), Ct);
        await Store.CommitBlocksAsync("recordings/s1.mp4", 3, "video/mp4", Ct);

        await using var download = await Store.OpenReadAsync("recordings/s1.mp4", Ct);
        download.ShouldNotBeNull();
        download.ContentType.ShouldBe("video/mp4");
        (await ReadAllAsync(download)).ShouldBe(blocks.SelectMany(b => b).ToArray());
    }

    [Fact]
    public async Task Staged_blocks_are_invisible_until_committed()
    {
        await Store.PutAsync("recordings/s2.mp4", new MemoryStream("previous"u8.ToArray()), "video/mp4", Ct);

        await Store.StageBlockAsync("recordings/s2.mp4", 0, new MemoryStream(RandomBytes(4, 1000)), Ct);
        await Store.StageBlockAsync("recordings/s3.mp4", 0, new MemoryStream(RandomBytes(5, 1000)), Ct);

        await using (var old = await Store.OpenReadAsync("recordings/s2.mp4", Ct))
            (await ReadAllAsync(old.ShouldNotBeNull())).ShouldBe("previous"u8.ToArray());
        (await Store.ExistsAsync("recordings/s3.mp4", Ct)).ShouldBeFalse();
    }

    [Fact]
    public async Task Rerun_after_a_crash_restages_the_same_blocks_and_commits_one_whole_copy()
    {
        var content = RandomBytes(6, 700_000);
        // The first run staged two of three blocks, the second with half its bytes, then died.
        await Store.StageBlockAsync("recordings/s4.mp4", 0, new MemoryStream(content[..300_000]), Ct);
        await Store.StageBlockAsync("recordings/s4.mp4", 1, new MemoryStream(content[300_000..450_000]), Ct);

        for (var run = 0; run < 2; run++)
        {
            await Store.StageBlockAsync("recordings/s4.mp4", 0, new MemoryStream(content[..300_000]), Ct);
            await Store.StageBlockAsync("recordings/s4.mp4", 1, new MemoryStream(content[300_000..600_000]), Ct);
            await Store.StageBlockAsync("recordings/s4.mp4", 2, new MemoryStream(content[600_000..]), Ct);
            await Store.CommitBlocksAsync("recordings/s4.mp4", 3, "video/mp4", Ct);
        }

        await using var download = await Store.OpenReadAsync("recordings/s4.mp4", Ct);
        download.ShouldNotBeNull();
        download.Length.ShouldBe(content.Length);
        (await ReadAllAsync(download)).AsSpan().SequenceEqual(content).ShouldBeTrue("a re-run must not duplicate or mix blocks");
    }

    [Fact]
    public async Task Commit_naming_a_block_never_staged_fails_and_leaves_no_blob()
    {
        await Store.StageBlockAsync("recordings/s5.mp4", 0, new MemoryStream([1, 2]), Ct);

        await Should.ThrowAsync<InvalidOperationException>(() => Store.CommitBlocksAsync("recordings/s5.mp4", 2, "video/mp4", Ct));

        (await Store.ExistsAsync("recordings/s5.mp4", Ct)).ShouldBeFalse();
    }

    [Fact]
    public async Task Ranged_read_returns_the_requested_bytes_and_the_whole_length()
    {
        var content = RandomBytes(7, 100_000);
        await Store.PutAsync("recordings/r.mp4", new MemoryStream(content), "video/mp4", Ct);

        await using (var middle = await Store.OpenReadRangeAsync("recordings/r.mp4", 40_000, 1000, Ct))
        {
            middle.ShouldNotBeNull();
            (middle.Offset, middle.Length, middle.TotalLength, middle.ContentType).ShouldBe((40_000L, 1000L, 100_000L, "video/mp4"));
            (await ReadAllAsync(middle.Content)).ShouldBe(content[40_000..41_000]);
        }
        await using (var tail = await Store.OpenReadRangeAsync("recordings/r.mp4", 99_990, null, Ct))
        {
            tail.ShouldNotBeNull();
            tail.Length.ShouldBe(10);
            (await ReadAllAsync(tail.Content)).ShouldBe(content[99_990..]);
        }
        await using (var past = await Store.OpenReadRangeAsync("recordings/r.mp4", 100_000, 10, Ct))
        {
            past.ShouldNotBeNull();
            (past.Length, past.TotalLength).ShouldBe((0L, 100_000L));
        }
        (await Store.OpenReadRangeAsync("recordings/none.mp4", 0, 10, Ct)).ShouldBeNull();
    }

    [Fact]
    public async Task Deleting_a_folder_removes_every_blob_under_it_and_nothing_beside_it()
    {
        string[] inside = ["video/s1/000-000000.ts", "video/s1/001-000001.ts", "video/s1/vod.m3u8"];
        foreach (var key in inside) await Store.PutAsync(key, new MemoryStream([1]), "video/mp2t", Ct);
        await Store.PutAsync("video/s10/000-000000.ts", new MemoryStream([2]), "video/mp2t", Ct);
        await Store.PutAsync("video/s1.mp4", new MemoryStream([3]), "video/mp4", Ct);

        (await Store.DeleteFolderAsync("video/s1", Ct)).ShouldBe(3);
        (await Store.DeleteFolderAsync("video/s1", Ct)).ShouldBe(0);

        foreach (var key in inside) (await Store.ExistsAsync(key, Ct)).ShouldBeFalse();
        (await Store.ExistsAsync("video/s10/000-000000.ts", Ct)).ShouldBeTrue();
        (await Store.ExistsAsync("video/s1.mp4", Ct)).ShouldBeTrue();
        (await Store.DeleteFolderAsync("video/never", Ct)).ShouldBe(0);
    }

    private static byte[] RandomBytes(int seed, int length)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    [Fact]
    public async Task Health_check_passes_when_the_store_is_reachable()
    {
        await Store.CheckHealthAsync(Ct);
    }

    protected static Task<byte[]> ReadAllAsync(BlobDownload download) => ReadAllAsync(download.Content);

    protected static async Task<byte[]> ReadAllAsync(Stream content)
    {
        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, Ct);
        return buffer.ToArray();
    }

    /// <summary>
    /// A request body as a store receives it: no length, no seeking. It can pause at <c>holdAt</c> until released,
    /// or fail there, to observe a store in the middle of a write.
    /// </summary>
    protected sealed class UploadStream(byte[] data, int holdAt = int.MaxValue, Task? release = null, Exception? failure = null) : Stream
    {
        private int _position;
        private bool _held;

        public TaskCompletionSource ReachedHold { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (_position == holdAt && !_held)
            {
                _held = true;
                ReachedHold.TrySetResult();
                if (failure is not null) throw failure;
                await (release ?? Task.CompletedTask).WaitAsync(cancellationToken);
            }
            var end = _held ? data.Length : Math.Min(holdAt, data.Length);
            var count = Math.Min(buffer.Length, end - _position);
            data.AsSpan(_position, count).CopyTo(buffer.Span);
            _position += count;
            return count;
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override int Read(byte[] buffer, int offset, int count) =>
            ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
