using System.Globalization;
using LiveHire.Core.Domain;
using LiveHire.Web.Features.Resumes;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Fonts;
using PdfSharp.Pdf;

namespace LiveHire.Web.Features.Profile;

/// <summary>
/// Renders a profile as a plain printable A4 resume (PDFsharp 6.2, MIT). Chinese needs a CJK font PDFsharp can embed:
/// it embeds TrueType outlines only, so Noto CJK (CFF outlines) is out; Droid Sans Fallback has no Latin letters or digits.
/// WenQuanYi Micro Hei (Debian's fonts-wqy-microhei) has both in TrueType outlines, but as a collection (.ttc), which
/// PDFsharp cannot read, so <see cref="TrueType.FirstFace"/> lifts its first face out. Bold is simulated from that face.
/// </summary>
public sealed class ResumePdf(IOptions<ResumeOptions> options)
{
    private const string Family = "LiveHireCJK";
    private static readonly Lock ResolverLock = new();
    private const double Margin = 50, LineGap = 4;

    public bool FontAvailable => File.Exists(options.Value.PdfFontPath);

    public byte[] Render(ProfileView profile, string? phone, string? email, IReadOnlyDictionary<string, string> labels)
    {
        EnsureResolver(options.Value.PdfFontPath);
        using var document = new PdfDocument();
        document.Info.Title = $"{profile.FullName} {labels["Resume"]}";
        document.Info.Creator = "LiveHire";
        var writer = new Writer(document);
        var unicode = new XPdfFontOptions(PdfFontEncoding.Unicode);
        var title = new XFont(Family, 22, XFontStyleEx.Bold, unicode);
        var heading = new XFont(Family, 13, XFontStyleEx.Bold, unicode);
        var body = new XFont(Family, 10.5, XFontStyleEx.Regular, unicode);

        writer.Line(profile.FullName, title);
        var contact = string.Join("  ·  ", new[] { phone, email }.Where(c => !string.IsNullOrWhiteSpace(c)));
        if (contact.Length > 0) writer.Line(contact, body);
        writer.Space(8);

        if (profile.WantedTitles.Count > 0 || profile.WantedPayMin is not null)
        {
            writer.Heading(labels["Wanted"], heading);
            if (profile.WantedTitles.Count > 0) writer.Paragraph($"{labels["WantedTitles"]}：{string.Join("、", profile.WantedTitles)}", body);
            if (profile.WantedPayMin is { } pay) writer.Paragraph($"{labels["WantedPay"]}：{pay.ToString("0.##", CultureInfo.InvariantCulture)} {labels[$"Unit.{profile.WantedPayUnit}"]}", body);
            var from = profile.AvailableFrom is { } d ? $"，{labels["AvailableFrom"]} {d:yyyy-MM-dd}" : "";
            writer.Paragraph($"{labels["Availability"]}：{labels[$"Availability.{profile.Availability}"]}{from}", body);
        }
        if (profile.Summary.Length > 0)
        {
            writer.Heading(labels["Summary"], heading);
            writer.Paragraph(profile.Summary, body);
        }
        if (profile.Skills.Count > 0)
        {
            writer.Heading(labels["Skills"], heading);
            writer.Paragraph(string.Join("、", profile.Skills), body);
        }
        if (profile.Experience.Count > 0)
        {
            writer.Heading(labels["Experience"], heading);
            foreach (var e in profile.Experience)
            {
                writer.Paragraph($"{Years(e.FromYear, e.ToYear, labels)}  {e.Employer}  ·  {e.Title}", body);
                if (e.Description.Length > 0) writer.Paragraph(e.Description, body, indent: 14);
            }
        }
        if (profile.Education.Count > 0)
        {
            writer.Heading(labels["Education"], heading);
            foreach (var e in profile.Education)
                writer.Paragraph($"{Years(e.FromYear, e.ToYear, labels)}  {e.School}  {e.Major}  {e.Degree}".TrimEnd(), body);
        }
        writer.Dispose();
        using var output = new MemoryStream();
        document.Save(output, false);
        return output.ToArray();
    }

    private static string Years(int from, int? to, IReadOnlyDictionary<string, string> labels) => $"{from}–{(to is { } t ? t.ToString(CultureInfo.InvariantCulture) : labels["Now"])}";

    /// <summary>PDFsharp's font resolver is process-wide and can be set only before first use: the first host's font wins.</summary>
    private static void EnsureResolver(string path)
    {
        lock (ResolverLock)
        {
            if (GlobalFontSettings.FontResolver is null) GlobalFontSettings.FontResolver = new FileFontResolver(path);
        }
    }

    private sealed class FileFontResolver(string path) : IFontResolver
    {
        private byte[]? bytes;

        public FontResolverInfo ResolveTypeface(string familyName, bool bold, bool italic) => new(Family, bold, italic);

        public byte[] GetFont(string faceName) => bytes ??= TrueType.FirstFace(File.ReadAllBytes(path));
    }

    /// <summary>Writes lines down A4 pages, wrapping by measured width (CJK text has no spaces to break at) and starting a new page at the bottom.</summary>
    private sealed class Writer(PdfDocument document) : IDisposable
    {
        private PdfPage? page;
        private XGraphics? gfx;
        private double y;

        private XGraphics Graphics(double height)
        {
            if (gfx is null || y + height > page!.Height.Point - Margin)
            {
                gfx?.Dispose();
                page = document.AddPage();
                page.Size = PageSize.A4;
                gfx = XGraphics.FromPdfPage(page);
                y = Margin;
            }
            return gfx;
        }

        public void Line(string text, XFont font) => Paragraph(text, font);

        public void Space(double points) => y += points;

        public void Heading(string text, XFont font)
        {
            y += 10;
            var g = Graphics(font.GetHeight() * 2);
            g.DrawString(text, font, XBrushes.Black, new XPoint(Margin, y), XStringFormats.TopLeft);
            y += font.GetHeight() + 2;
            g.DrawLine(new XPen(XColors.Gray, 0.6), Margin, y, page!.Width.Point - Margin, y);
            y += LineGap;
        }

        public void Paragraph(string text, XFont font, double indent = 0)
        {
            Graphics(font.GetHeight());
            var width = page!.Width.Point - 2 * Margin - indent;
            foreach (var line in Wrap(text, font, width))
            {
                var g = Graphics(font.GetHeight());
                g.DrawString(line, font, XBrushes.Black, new XPoint(Margin + indent, y), XStringFormats.TopLeft);
                y += font.GetHeight() + LineGap;
            }
        }

        private IEnumerable<string> Wrap(string text, XFont font, double width)
        {
            foreach (var paragraph in text.Replace("\r", "").Split('\n'))
            {
                var start = 0;
                for (var end = 1; end <= paragraph.Length; end++)
                {
                    if (gfx!.MeasureString(paragraph[start..end], font).Width <= width) continue;
                    var cut = Math.Max(start + 1, end - 1);
                    yield return paragraph[start..cut];
                    start = cut;
                }
                if (start < paragraph.Length || paragraph.Length == 0) yield return paragraph[start..];
            }
        }

        public void Dispose() => gfx?.Dispose();
    }
}

/// <summary>Reads fonts as PDFsharp needs them: one TrueType face per file.</summary>
public static class TrueType
{
    /// <summary>
    /// A font file's first face as a standalone TrueType file: a .ttf is returned as it is; from a collection (.ttc) the
    /// first face's tables are copied behind a fresh table directory (table offsets in a collection count from the start
    /// of the whole file, in a single font from the start of that font).
    /// </summary>
    public static byte[] FirstFace(byte[] file)
    {
        if (file.Length < 12 || !file.AsSpan(0, 4).SequenceEqual("ttcf"u8)) return file;
        var face = (int)U32(file, 12);
        var tables = U16(file, face + 4);
        var headerLength = 12 + 16 * tables;
        var records = new List<(int Record, int Offset, int Length)>();
        for (var i = 0; i < tables; i++)
        {
            var record = face + 12 + 16 * i;
            records.Add((12 + 16 * i, (int)U32(file, record + 8), (int)U32(file, record + 12)));
        }
        var result = new byte[headerLength + records.Sum(r => (r.Length + 3) & ~3)];
        file.AsSpan(face, headerLength).CopyTo(result);
        var at = headerLength;
        foreach (var (record, offset, length) in records)
        {
            file.AsSpan(offset, length).CopyTo(result.AsSpan(at));
            result[record + 8] = (byte)(at >> 24);
            result[record + 9] = (byte)(at >> 16);
            result[record + 10] = (byte)(at >> 8);
            result[record + 11] = (byte)at;
            at += (length + 3) & ~3; // tables start on four-byte boundaries
        }
        return result;
    }

    private static uint U32(byte[] b, int i) => (uint)(b[i] << 24 | b[i + 1] << 16 | b[i + 2] << 8 | b[i + 3]);

    private static int U16(byte[] b, int i) => b[i] << 8 | b[i + 1];
}

/// <summary>/health/ready reports Degraded (still 200) naming the missing font: everything but "make a resume" works without it.</summary>
public sealed class ResumeFontHealthCheck(ResumePdf pdf, IOptions<ResumeOptions> options) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(pdf.FontAvailable
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Degraded($"No CJK font at {options.Value.PdfFontPath} (LiveHire:Resumes:PdfFontPath): resumes cannot be made from profiles. "
                + "Install it with: apt-get install fonts-wqy-microhei"));
}
