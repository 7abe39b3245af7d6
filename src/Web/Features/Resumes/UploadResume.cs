using System.Security.Claims;
using LiveHire.Core.Data;
using LiveHire.Core.Domain;
using LiveHire.Core.Identity;
using LiveHire.Core.Ports;
using Mediator;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace LiveHire.Web.Features.Resumes;

/// <summary>
/// A candidate adds a file to their resume library. The type is decided by the first bytes; the body streams from the
/// request to blob storage, counted against the size limit on the way, and is never held whole in memory or on disk.
/// </summary>
public static class UploadResume
{
    public sealed record Command(Guid CandidateId, string FileName, Stream Content) : ICommand<Result<ResumeView>>;

    public sealed class Handler(LiveHireDbContext db, IBlobStore blobs, TimeProvider clock, IOptions<ResumeOptions> options)
        : ICommandHandler<Command, Result<ResumeView>>
    {
        public async ValueTask<Result<ResumeView>> Handle(Command command, CancellationToken cancellationToken)
        {
            var limits = options.Value;
            if (await db.Resumes.CountAsync(r => r.CandidateId == command.CandidateId, cancellationToken) >= limits.MaxPerCandidate)
                return Error.Conflict("resume.library_full", $"A library holds at most {limits.MaxPerCandidate} files; delete one first.");

            var head = new byte[ResumeFileType.HeaderLength];
            var headLength = await command.Content.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken);
            if (headLength == 0) return ResumeErrors.Empty;
            if (ResumeFileType.Sniff(head.AsSpan(0, headLength)) is not { } type) return ResumeErrors.UnsupportedType;

            var scanner = type == ResumeFileType.Docx ? new DocxEntryScanner() : null;
            var upload = new ResumeUploadStream(head.AsMemory(0, headLength), command.Content, limits.MaxBytes, scanner);
            var key = $"resumes/{command.CandidateId:N}/{Guid.CreateVersion7(clock.GetUtcNow()):N}{type.Extension}";
            try
            {
                await blobs.PutAsync(key, upload, type.ContentType, cancellationToken);
            }
            catch (ResumeTooLargeException)
            {
                await blobs.DeleteAsync(key, CancellationToken.None); // a store may have kept what it had before the limit
                return ResumeErrors.TooLarge(limits.MaxBytes);
            }
            if (scanner is { Found: false })
            {
                await blobs.DeleteAsync(key, CancellationToken.None);
                return ResumeErrors.UnsupportedType; // a ZIP, but not a Word document
            }

            var resume = Resume.Create(command.CandidateId, WithExtension(command.FileName, type), type.ContentType, upload.BytesRead, key, clock.GetUtcNow());
            db.Resumes.Add(resume);
            await db.SaveChangesAsync(cancellationToken);
            return ResumeView.From(resume);
        }

        /// <summary>The name as the person gave it, ending in the extension of what the file really is.</summary>
        private static string WithExtension(string fileName, ResumeFileType type)
        {
            var name = new string(Path.GetFileName(fileName.Replace('\\', '/')).Where(c => !char.IsControl(c)).ToArray()).Trim();
            if (name.Length == 0) name = "resume";
            var extension = Path.GetExtension(name).ToLowerInvariant();
            var matches = extension == type.Extension || (type == ResumeFileType.Jpeg && extension == ".jpeg");
            return matches ? name : name + type.Extension;
        }
    }

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/resumes", Handle)
            .RequireAuthorization(Policies.Candidate)
            .WithName("UploadResume")
            .WithSummary("Upload a resume (multipart/form-data, field \"file\"; PDF, DOCX, JPG or PNG by content; at most 10 MB). "
                + "Send the page's antiforgery token in the RequestVerificationToken header.")
            .Accepts<IFormFile>("multipart/form-data")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

    private static async Task<Results<Created<ResumeView>, ProblemHttpResult>> Handle(HttpContext http, ClaimsPrincipal user, IMediator mediator,
        IAntiforgery antiforgery, IOptions<ResumeOptions> options, CancellationToken ct)
    {
        // Multipart is a form any site can post, so unlike the JSON endpoints this one checks the antiforgery token
        // (header only: reading a form field would buffer the upload).
        if (!http.Request.Headers.ContainsKey("RequestVerificationToken") || !await antiforgery.IsRequestValidAsync(http))
            return Problem(Error.Validation("antiforgery", "Send the page's antiforgery token in the RequestVerificationToken header."));
        if (http.Request.ContentLength > options.Value.MaxBytes + 64 * 1024)
            return Problem(ResumeErrors.TooLarge(options.Value.MaxBytes));
        if (!MediaTypeHeaderValue.TryParse(http.Request.ContentType, out var mediaType)
            || !mediaType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(mediaType.Boundary).Value is not { Length: > 0 and <= 200 } boundary)
            return Problem(Error.Validation("resume.not_multipart", "Send the file as multipart/form-data in a field named \"file\"."));

        var reader = new MultipartReader(boundary, http.Request.Body);
        while (await reader.ReadNextSectionAsync(ct) is { } section)
        {
            if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                || !disposition.IsFileDisposition() || disposition.Name.Value != "file")
                continue;
            var fileName = disposition.FileNameStar.Value ?? HeaderUtilities.RemoveQuotes(disposition.FileName).Value ?? "";
            var result = await mediator.Send(new Command(user.UserId()!.Value, fileName, section.Body), ct);
            return result.IsSuccess
                ? TypedResults.Created($"/api/v1/resumes/{result.Value!.Id}", result.Value)
                : Problem(result.Error!);
        }
        return Problem(Error.Validation("resume.missing", "No file was sent in the field \"file\"."));
    }

    private static ProblemHttpResult Problem(Error error) => (ProblemHttpResult)error.ToResumeProblem();
}

/// <summary>A file in the resume library, as its owner sees it.</summary>
public sealed record ResumeView(Guid Id, string FileName, string ContentType, long SizeBytes, DateTimeOffset UploadedAt)
{
    public static ResumeView From(Resume r) => new(r.Id, r.FileName, r.ContentType, r.SizeBytes, r.UploadedAt);
}
