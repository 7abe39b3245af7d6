using System.Globalization;
using System.Text;

namespace LiveHire.Bench.Harness;

/// <summary>
/// A well-formed one-page PDF of about the size asked for: a page showing one uncompressed RGB image (random pixels,
/// like a scanned resume that does not compress), with a correct cross-reference table, so it is a real PDF and
/// not only a "%PDF-" header.
/// </summary>
public static class SamplePdf
{
    public static byte[] Make(int approximateBytes, Random random)
    {
        var side = (int)Math.Sqrt(Math.Max(1, approximateBytes - 1024) / 3.0);
        var pixels = new byte[side * side * 3];
        random.NextBytes(pixels);
        const string content = "q 500 0 0 500 50 150 cm /Im1 Do Q";

        using var pdf = new MemoryStream(pixels.Length + 2048);
        var offsets = new List<long>();
        void Write(string s) => pdf.Write(Encoding.Latin1.GetBytes(s));
        void Object(string body)
        {
            offsets.Add(pdf.Position);
            Write(string.Create(CultureInfo.InvariantCulture, $"{offsets.Count} 0 obj\n{body}\nendobj\n"));
        }

        Write("%PDF-1.4\n%\u00e2\u00e3\n");
        Object("<< /Type /Catalog /Pages 2 0 R >>");
        Object("<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
        Object("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im1 5 0 R >> >> /Contents 4 0 R >>");
        Object(string.Create(CultureInfo.InvariantCulture, $"<< /Length {content.Length} >>\nstream\n{content}\nendstream"));
        offsets.Add(pdf.Position);
        Write(string.Create(CultureInfo.InvariantCulture,
            $"5 0 obj\n<< /Type /XObject /Subtype /Image /Width {side} /Height {side} /ColorSpace /DeviceRGB /BitsPerComponent 8 /Length {pixels.Length} >>\nstream\n"));
        pdf.Write(pixels);
        Write("\nendstream\nendobj\n");

        var xref = pdf.Position;
        Write(string.Create(CultureInfo.InvariantCulture, $"xref\n0 {offsets.Count + 1}\n0000000000 65535 f \n"));
        foreach (var offset in offsets) Write(string.Create(CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n"));
        Write(string.Create(CultureInfo.InvariantCulture, $"trailer\n<< /Size {offsets.Count + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n"));
        return pdf.ToArray();
    }
}
