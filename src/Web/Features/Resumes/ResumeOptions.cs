using System.ComponentModel.DataAnnotations;
using LiveHire.Core.Domain;
using LiveHire.Core.Hosting;
using LiveHire.Web.Infrastructure;

namespace LiveHire.Web.Features.Resumes;

/// <summary>Settings of the resume library, bound from "LiveHire:Resumes" and validated at start-up.</summary>
public sealed class ResumeOptions
{
    public const string Section = "LiveHire:Resumes";

    /// <summary>The largest file a candidate may upload (10 MB: a scanned two-page resume, with room to spare).</summary>
    [Range(1024.0, 100.0 * 1024 * 1024)]
    public long MaxBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>How long a host's resume link works. Short, so a forwarded link soon stops working.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan LinkLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How many files one candidate's library holds; bounds the storage a single account can take.</summary>
    [Range(1, 200)]
    public int MaxPerCandidate { get; set; } = 20;

    /// <summary>A TrueType font (or collection) with Chinese and Latin glyphs for resumes made from a profile (Debian's fonts-wqy-microhei by default).</summary>
    [Required]
    public string PdfFontPath { get; set; } = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc";
}

public static class ResumeLibrarySetup
{
    public static IServiceCollection AddResumeLibrary(this IServiceCollection services)
    {
        services.AddOptions<ResumeOptions>().BindConfiguration(ResumeOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ResumeLinks>();
        services.AddSingleton<Profile.ResumePdf>();
        services.AddHealthChecks().AddCheck<Profile.ResumeFontHealthCheck>("resume-font", tags: [HealthTags.Ready]);
        return services;
    }
}

/// <summary>Errors of the resume library whose HTTP status is not the generic mapping's (413, 415).</summary>
public static class ResumeErrors
{
    public static readonly Error UnsupportedType = new("resume.unsupported_type", "Only PDF, DOCX, JPG and PNG files are accepted (checked by content, not by name).");
    public static Error TooLarge(long maxBytes) => new("resume.too_large", $"A resume file is at most {maxBytes / (1024 * 1024.0):0.#} MB.");
    public static readonly Error Empty = Error.Validation("resume.empty", "The file is empty.");

    public static IResult ToResumeProblem(this Error error)
    {
        var status = error.Code switch
        {
            "resume.unsupported_type" => StatusCodes.Status415UnsupportedMediaType,
            "resume.too_large" => StatusCodes.Status413PayloadTooLarge,
            _ => 0,
        };
        return status == 0 ? error.ToProblem()
            : TypedResults.Problem(title: error.Message, statusCode: status, type: $"https://livehire.dev/problems/{error.Code}",
                extensions: new Dictionary<string, object?> { ["code"] = error.Code });
    }
}
