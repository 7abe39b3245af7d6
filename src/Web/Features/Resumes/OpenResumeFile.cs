using System.Security.Claims;
using LiveHire.Core.Data;
using LiveHire.Core.Domain;
using LiveHire.Core.Identity;
using LiveHire.Core.Ports;
using LiveHire.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;

namespace LiveHire.Web.Features.Resumes;

/// <summary>
/// Streams a resume: through a host's short-lived link (<c>/resumes/{applicationId}/file?t=</c>, which also needs the
/// cookie of a recruiter of the job's employer), or to its owner (<c>/api/v1/resumes/{id}/file</c>).
/// </summary>
public static class OpenResumeFile
{
    public static void Map(IEndpointRouteBuilder api, IEndpointRouteBuilder site)
    {
        site.MapGet("/resumes/{applicationId:guid}/file", ByLink).AllowAnonymous().ExcludeFromDescription();
        api.MapGet("/resumes/{resumeId:guid}/file", Mine)
            .RequireAuthorization(Policies.Candidate)
            .WithName("DownloadResume")
            .WithSummary("Download one of my resumes (candidates).")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> ByLink(Guid applicationId, string? t, HttpContext http, ClaimsPrincipal user, ResumeLinks links,
        LiveHireDbContext db, IBlobStore blobs, CancellationToken ct)
    {
        switch (links.Check(applicationId, t))
        {
            case ResumeLinkCheck.Expired:
                return TypedResults.Problem(title: "This resume link has expired; open the resume again from the studio.",
                    statusCode: StatusCodes.Status410Gone, type: "https://livehire.dev/problems/resume.link_expired",
                    extensions: new Dictionary<string, object?> { ["code"] = "resume.link_expired" });
            case ResumeLinkCheck.Forged:
                return Error.Forbidden("This resume link is not valid.").ToProblem();
        }
        var application = await db.Applications.AsNoTracking()
            .Where(a => a.Id == applicationId)
            .Select(a => new { a.Job!.EmployerId, a.Resume })
            .SingleOrDefaultAsync(ct);
        // A valid link in the wrong hands (a forwarded message, a shared screen) is still refused.
        if (application is null || !user.IsRecruiterOf(application.EmployerId))
            return Error.Forbidden("Resume links open only for recruiters of the employer the application was sent to.").ToProblem();
        return application.Resume is null
            ? Error.NotFound("Resume").ToProblem()
            : await StreamAsync(http, blobs, application.Resume, ct);
    }

    private static async Task<IResult> Mine(Guid resumeId, HttpContext http, ClaimsPrincipal user, LiveHireDbContext db, IBlobStore blobs,
        CancellationToken ct)
    {
        var userId = user.UserId();
        var resume = await db.Resumes.AsNoTracking().SingleOrDefaultAsync(r => r.Id == resumeId && r.CandidateId == userId, ct);
        return resume is null ? Error.NotFound("Resume").ToProblem() : await StreamAsync(http, blobs, resume, ct);
    }

    private static async Task<IResult> StreamAsync(HttpContext http, IBlobStore blobs, Resume resume, CancellationToken ct)
    {
        var download = await blobs.OpenReadAsync(resume.BlobKey, ct);
        if (download is null) return Error.NotFound("Resume file").ToProblem();
        var headers = http.Response.Headers;
        // PDFs and pictures open in the browser; Word files download. Either way the name keeps its Chinese
        // characters (RFC 5987 filename*), with an ASCII fallback for old clients.
        var disposition = new ContentDispositionHeaderValue(resume.ContentType.StartsWith("application/vnd", StringComparison.Ordinal) ? "attachment" : "inline");
        disposition.SetHttpFileName(resume.FileName);
        headers.ContentDisposition = disposition.ToString();
        // Personal data: never cached by shared caches, never sniffed into something runnable, no scripts if opened.
        headers.CacheControl = "private, no-store";
        headers.XContentTypeOptions = "nosniff";
        headers.ContentSecurityPolicy = "sandbox; default-src 'none'; img-src 'self'; style-src 'unsafe-inline'";
        http.Response.ContentLength = download.Length;
        return TypedResults.Stream(download.Content, resume.ContentType);
    }
}
