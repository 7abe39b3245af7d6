using System.Diagnostics;
using LiveHire.Core.Domain;
using LiveHire.Web.Features.Profile;
using LiveHire.Web.Features.Resumes;

namespace LiveHire.UnitTests.Profile;

/// <summary>The printed resume is a real PDF with the Chinese text in it (read back with poppler's pdftotext).</summary>
public sealed class ResumePdfTests
{
    private static readonly IReadOnlyDictionary<string, string> Labels = new[]
    {
        "Resume", "Wanted", "WantedTitles", "WantedPay", "Availability", "AvailableFrom", "Summary", "Skills", "Experience", "Education", "Now",
        "Unit.Month", "Unit.Day", "Unit.Hour", "Unit.Piece", "Availability.FullTime", "Availability.PartTime", "Availability.Flexible",
    }.ToDictionary(k => k, k => $"«{k}»");

    [Fact]
    public async Task A_profile_prints_as_a_pdf_whose_text_holds_the_name_and_a_chinese_skill()
    {
        var profile = new ProfileView("陈小红", new string('踏', 300), [new("重庆工商职业学院", "电子商务", "大专", 2018, 2021)],
            [new("重庆渝味食品有限公司", "包装工", 2021, null, "负责包装和质检")], ["叉车", "电焊"], ["仓库管理员"], 4500, "Month", "Flexible", null, [], null);
        var pdf = new ResumePdf(Microsoft.Extensions.Options.Options.Create(new ResumeOptions()));

        var bytes = pdf.Render(profile, "13800138000", null, Labels);

        ResumeFileType.Sniff(bytes.AsSpan(0, ResumeFileType.HeaderLength)).ShouldBe(ResumeFileType.Pdf);
        var text = await PdfTextAsync(bytes);
        text.ShouldContain("陈小红");
        text.ShouldContain("电焊");
        text.ShouldContain("重庆渝味食品有限公司");
        text.ShouldContain("«Unit.Month»");
        text.Replace("\n", "").Count(c => c == '踏').ShouldBe(300, "a long paragraph wraps onto more lines, losing nothing");
    }

    private static async Task<string> PdfTextAsync(byte[] pdf)
    {
        var path = Path.Combine(Path.GetTempPath(), $"lh-resume-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(path, pdf, TestContext.Current.CancellationToken);
        try
        {
            using var process = Process.Start(new ProcessStartInfo("pdftotext", ["-enc", "UTF-8", path, "-"]) { RedirectStandardOutput = true })!;
            var text = await process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
            await process.WaitForExitAsync(TestContext.Current.CancellationToken);
            process.ExitCode.ShouldBe(0);
            return text;
        }
        finally
        {
            File.Delete(path);
        }
    }
}
