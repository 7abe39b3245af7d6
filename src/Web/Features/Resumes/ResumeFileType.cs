namespace LiveHire.Web.Features.Resumes;

/// <summary>A kind of file the resume library takes, known by its first bytes (never by its name or the client's content type).</summary>
public sealed record ResumeFileType(string Name, string ContentType, string Extension)
{
    public static readonly ResumeFileType Pdf = new("PDF", "application/pdf", ".pdf");
    public static readonly ResumeFileType Png = new("PNG", "image/png", ".png");
    public static readonly ResumeFileType Jpeg = new("JPEG", "image/jpeg", ".jpg");
    public static readonly ResumeFileType Docx = new("DOCX", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx");

    /// <summary>How many leading bytes <see cref="Sniff"/> wants (fewer only when the file is shorter).</summary>
    public const int HeaderLength = 8;

    private static ReadOnlySpan<byte> PdfMagic => "%PDF-"u8;
    private static ReadOnlySpan<byte> PngMagic => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static ReadOnlySpan<byte> JpegMagic => [0xFF, 0xD8, 0xFF];
    private static ReadOnlySpan<byte> ZipLocalHeader => [0x50, 0x4B, 0x03, 0x04];

    /// <summary>
    /// The type the leading bytes announce, or null. A ZIP is only a DOCX candidate: the caller must also see a
    /// <c>word/document.xml</c> entry (<see cref="DocxEntryScanner"/>), since XLSX, APK and JAR files are ZIPs too.
    /// </summary>
    public static ResumeFileType? Sniff(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith(PdfMagic)) return Pdf;
        if (head.StartsWith(PngMagic)) return Png;
        if (head.StartsWith(JpegMagic)) return Jpeg;
        if (head.StartsWith(ZipLocalHeader)) return Docx;
        return null;
    }
}

/// <summary>
/// Watches a ZIP go by, chunk after chunk, for a local file header naming <c>word/document.xml</c>: the part every
/// Word document has. Streaming, so an upload is checked without holding it or reading it twice.
/// </summary>
public sealed class DocxEntryScanner
{
    private static readonly byte[] EntryName = "word/document.xml"u8.ToArray();
    // A local file header is 30 bytes followed by the name; the name length sits at offset 26 (little-endian).
    private const int HeaderSize = 30;
    private static readonly int Window = HeaderSize + EntryName.Length;
    private byte[] tail = [];

    public bool Found { get; private set; }

    public void Feed(ReadOnlySpan<byte> chunk)
    {
        if (Found || chunk.IsEmpty) return;
        // The header may straddle two chunks: search the previous chunk's last bytes together with this one.
        var data = new byte[tail.Length + chunk.Length];
        tail.CopyTo(data, 0);
        chunk.CopyTo(data.AsSpan(tail.Length));
        var span = data.AsSpan();
        for (var from = 0; from < span.Length;)
        {
            var at = span[from..].IndexOf(EntryName);
            if (at < 0) break;
            var i = from + at;
            if (i >= HeaderSize && IsLocalHeader(span[(i - HeaderSize)..i])) { Found = true; return; }
            from = i + 1;
        }
        tail = span.Length > Window ? span[^Window..].ToArray() : data;
    }

    private static bool IsLocalHeader(ReadOnlySpan<byte> header) =>
        header[..4].SequenceEqual(new byte[] { 0x50, 0x4B, 0x03, 0x04 }) && header[26] == EntryName.Length && header[27] == 0;
}
