using LiveHire.Web.Features.Resumes;

namespace LiveHire.UnitTests.Showcase;

public sealed class ResumeUploadStreamTests
{
    [Fact]
    public async Task Stream_gives_the_sniffed_head_then_the_rest_and_counts_every_byte()
    {
        var body = Enumerable.Range(0, 1000).Select(i => (byte)i).ToArray();
        var upload = new ResumeUploadStream(body.AsMemory(0, 8), new MemoryStream(body[8..]), maxBytes: 1000, scanner: null);
        using var copy = new MemoryStream();

        await upload.CopyToAsync(copy, 64, TestContext.Current.CancellationToken);

        copy.ToArray().ShouldBe(body);
        upload.BytesRead.ShouldBe(1000);
    }

    [Fact]
    public async Task Passing_the_limit_stops_the_copy()
    {
        var body = new byte[1001];
        var upload = new ResumeUploadStream(body.AsMemory(0, 8), new MemoryStream(body[8..]), maxBytes: 1000, scanner: null);

        await Should.ThrowAsync<ResumeTooLargeException>(() => upload.CopyToAsync(Stream.Null, 100, TestContext.Current.CancellationToken));
    }
}
