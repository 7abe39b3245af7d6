namespace LiveHire.Web.Features.Resumes;

/// <summary>Thrown by <see cref="ResumeUploadStream"/> from inside the blob store's copy when an upload passes the size limit.</summary>
public sealed class ResumeTooLargeException(long limit) : IOException($"The file is larger than {limit} bytes.");

/// <summary>
/// The upload as the blob store reads it: the bytes already read for sniffing, then the rest of the request body,
/// counted against the size limit and shown to the DOCX scanner as they pass. The limit can only be enforced from
/// inside the copy, hence an exception rather than a result.
/// </summary>
public sealed class ResumeUploadStream(ReadOnlyMemory<byte> head, Stream rest, long maxBytes, DocxEntryScanner? scanner) : Stream
{
    private ReadOnlyMemory<byte> head = head;

    public long BytesRead { get; private set; }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        int read;
        if (!head.IsEmpty)
        {
            read = Math.Min(buffer.Length, head.Length);
            head[..read].CopyTo(buffer);
            head = head[read..];
        }
        else
        {
            read = await rest.ReadAsync(buffer, cancellationToken);
        }
        return Count(buffer.Span[..read]);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) =>
        throw new NotSupportedException("Request bodies are read asynchronously.");

    private int Count(ReadOnlySpan<byte> read)
    {
        BytesRead += read.Length;
        if (BytesRead > maxBytes) throw new ResumeTooLargeException(maxBytes);
        scanner?.Feed(read);
        return read.Length;
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => BytesRead; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
