using LiveHire.Realtime.Features.Video;

namespace LiveHire.UnitTests.Video;

public sealed class ChunkReordererTests
{
    private static byte[] Chunk(int n) => [(byte)n];

    private static List<int> Add(ChunkReorderer reorderer, params int[] sequences)
    {
        var ready = new List<byte[]>();
        foreach (var sequence in sequences) reorderer.Add(sequence, Chunk(sequence), ready);
        return [.. ready.Select(b => (int)b[0])];
    }

    [Fact]
    public void Chunks_in_order_go_through_at_once()
    {
        Add(new ChunkReorderer(window: 4), 0, 1, 2).ShouldBe([0, 1, 2]);
    }

    [Fact]
    public void Early_chunk_waits_for_the_one_before_it()
    {
        var reorderer = new ChunkReorderer(window: 4);

        Add(reorderer, 0, 2, 3).ShouldBe([0]);
        Add(reorderer, 1).ShouldBe([1, 2, 3]);
        reorderer.Next.ShouldBe(4);
    }

    [Fact]
    public void Repeated_chunk_is_ignored_whether_already_sent_or_still_waiting()
    {
        var reorderer = new ChunkReorderer(window: 4);
        var ready = new List<byte[]>();

        reorderer.Add(0, Chunk(0), ready).ShouldBe(ChunkReorderer.Outcome.Accepted);
        reorderer.Add(2, Chunk(2), ready).ShouldBe(ChunkReorderer.Outcome.Accepted);
        reorderer.Add(0, Chunk(0), ready).ShouldBe(ChunkReorderer.Outcome.Duplicate);
        reorderer.Add(2, Chunk(2), ready).ShouldBe(ChunkReorderer.Outcome.Duplicate);

        ready.Count.ShouldBe(1);
    }

    [Fact]
    public void Missing_chunk_is_given_up_on_when_the_window_is_full()
    {
        var reorderer = new ChunkReorderer(window: 3);

        Add(reorderer, 0, 2, 3, 4).ShouldBe([0]);
        Add(reorderer, 5).ShouldBe([2, 3, 4, 5]);
        Add(reorderer, 1).ShouldBeEmpty("chunk 1 came after the stream moved on");
    }
}
