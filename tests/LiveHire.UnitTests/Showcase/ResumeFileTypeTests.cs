using System.IO.Compression;
using System.Text;
using LiveHire.Web.Features.Resumes;

namespace LiveHire.UnitTests.Showcase;

public sealed class ResumeFileTypeTests
{
    [Theory]
    [InlineData(new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D, 0x31, 0x2E, 0x37 }, "PDF")]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, "PNG")]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46 }, "JPEG")]
    [InlineData(new byte[] { 0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00 }, "DOCX")]
    public void Type_is_known_by_its_first_bytes(byte[] head, string expected) =>
        ResumeFileType.Sniff(head)!.Name.ShouldBe(expected);

    [Theory]
    [InlineData(new byte[] { 0x4D, 0x5A, 0x90, 0x00 })] // a Windows program
    [InlineData(new byte[] { 0x3C, 0x68, 0x74, 0x6D, 0x6C, 0x3E })] // <html>
    [InlineData(new byte[] { 0x25, 0x50, 0x44, 0x46 })] // "%PDF" without the dash
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47 })] // a PNG signature cut short
    [InlineData(new byte[] { 0xFF, 0xD8 })]
    [InlineData(new byte[0])]
    public void Anything_else_is_no_resume(byte[] head) => ResumeFileType.Sniff(head).ShouldBeNull();

    [Fact]
    public void Word_document_is_found_even_when_its_entry_header_straddles_two_chunks()
    {
        var docx = Zip("[Content_Types].xml", "word/document.xml", "word/styles.xml");
        for (var chunk = 1; chunk <= 64; chunk++)
        {
            var scanner = new DocxEntryScanner();
            foreach (var part in docx.Chunk(chunk)) scanner.Feed(part);
            scanner.Found.ShouldBeTrue($"chunks of {chunk} bytes");
        }
    }

    [Fact]
    public void Zip_without_a_word_document_is_not_a_docx()
    {
        var scanner = new DocxEntryScanner();
        scanner.Feed(Zip("xl/workbook.xml", "docs/word/document.xml.txt"));
        scanner.Found.ShouldBeFalse();
    }

    [Fact]
    public void The_name_in_file_content_does_not_count_only_an_entry_header_does()
    {
        var scanner = new DocxEntryScanner();
        scanner.Feed(Encoding.ASCII.GetBytes("PK\u0003\u0004 readme mentions word/document.xml in passing"));
        scanner.Found.ShouldBeFalse();
    }

    private static byte[] Zip(params string[] names)
    {
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var name in names)
            {
                using var entry = zip.CreateEntry(name, CompressionLevel.NoCompression).Open();
                entry.Write(Encoding.UTF8.GetBytes($"<x>{name}</x>"));
            }
        return output.ToArray();
    }
}
