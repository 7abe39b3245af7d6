using System.Security.Claims;
using LiveHire.Core.Data;
using LiveHire.Core.Domain;
using LiveHire.Core.Identity;
using LiveHire.Web.Features.Resumes;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace LiveHire.Web.Features.Profile;

/// <summary>
/// For people without a resume file: print the saved profile as an A4 PDF and put it in the resume library through the
/// same upload use case (same content check, size and count limits, blob path), so it can be sent with an application.
/// </summary>
public static class MakeResumeFromProfile
{
    public sealed record Command(Guid CandidateId) : ICommand<Result<ResumeView>>;

    public static readonly Error NoProfile = Error.Conflict("profile.missing", "Save your profile first; the resume is made from it.");
    public static readonly Error NoFont = new("resume.font_missing", "Resumes cannot be made here yet: the server has no Chinese font.");

    public sealed class Handler(LiveHireDbContext db, ResumePdf pdf, IMediator mediator, IStringLocalizer<ProfileResource> text)
        : ICommandHandler<Command, Result<ResumeView>>
    {
        private static readonly string[] Labels =
        [
            "Resume", "Wanted", "WantedTitles", "WantedPay", "Availability", "AvailableFrom", "Summary", "Skills", "Experience", "Education", "Now",
            .. Enum.GetNames<PayUnit>().Select(u => $"Unit.{u}"), .. Enum.GetNames<Availability>().Select(a => $"Availability.{a}"),
        ];

        public async ValueTask<Result<ResumeView>> Handle(Command command, CancellationToken cancellationToken)
        {
            var profile = await db.CandidateProfiles.AsNoTracking().SingleOrDefaultAsync(p => p.UserId == command.CandidateId, cancellationToken);
            if (profile is null) return NoProfile;
            if (!pdf.FontAvailable) return NoFont;
            var contact = await db.Users.Where(u => u.Id == command.CandidateId).Select(u => new { u.PhoneNumber, u.Email }).SingleAsync(cancellationToken);
            var labels = Labels.ToDictionary(k => k, k => text[$"Pdf.{k}"].Value);
            var bytes = pdf.Render(ProfileView.From(profile), contact.PhoneNumber, contact.Email, labels);
            using var content = new MemoryStream(bytes, writable: false);
            return await mediator.Send(new UploadResume.Command(command.CandidateId, text["Pdf.FileName", profile.FullName].Value + ".pdf", content), cancellationToken);
        }
    }

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/me/profile/resume", async Task<Results<Created<ResumeView>, ProblemHttpResult>> (ClaimsPrincipal user, IMediator mediator,
                CancellationToken ct) =>
            {
                var result = await mediator.Send(new Command(user.UserId()!.Value), ct);
                if (result.IsSuccess) return TypedResults.Created($"/api/v1/resumes/{result.Value!.Id}", result.Value);
                return (ProblemHttpResult)result.Error!.ToResumeProblem();
            })
            .RequireAuthorization(Policies.Candidate)
            .WithName("MakeResumeFromProfile")
            .WithSummary("Print my saved profile as an A4 PDF resume and add it to my resume library (candidates).")
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
}
