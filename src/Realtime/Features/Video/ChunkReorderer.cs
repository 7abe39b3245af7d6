namespace LiveHire.Realtime.Features.Video;

/// <summary>
/// Puts one epoch's chunks back in order. A repeated chunk (a retried POST whose first try did arrive) is ignored; a
/// chunk that comes early waits for the ones before it, but at most <c>window</c> chunks wait: then the missing one is
/// given up on (a lost chunk costs one segment, a stalled stream costs the whole room).
/// </summary>
public sealed class ChunkReorderer(int window)
{
    private readonly SortedDictionary<long, byte[]> waiting = [];

    /// <summary>The sequence number the next chunk in order must have.</summary>
    public long Next { get; private set; }

    public enum Outcome { Accepted, Duplicate }

    /// <summary>Adds a chunk; <paramref name="ready"/> receives the chunks that can now go to ffmpeg, in order.</summary>
    public Outcome Add(long sequence, byte[] chunk, List<byte[]> ready)
    {
        if (sequence < Next || waiting.ContainsKey(sequence)) return Outcome.Duplicate;
        waiting[sequence] = chunk;
        while (waiting.Count > 0)
        {
            var (first, bytes) = waiting.First();
            if (first != Next && waiting.Count <= window) break;
            waiting.Remove(first);
            ready.Add(bytes);
            Next = first + 1;
        }
        return Outcome.Accepted;
    }
}
