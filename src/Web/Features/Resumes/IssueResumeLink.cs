using System.Security.Claims;
using LiveHire.Core.Data;
using LiveHire.Core.Domain;
using LiveHire.Core.Identity;
using LiveHire.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace LiveHire.Web.Features.Resumes;

/// <summary>
/// A host gets a short-lived link to the resume sent with an application to their employer's job. As JSON for programs,
/// or as a redirect (<c>GET /resumes/{applicationId}</c>) so that the studio's plain link opens the file in one tap.
/// </summary>
public static class IssueResumeLink
{
    public sealed record Command(Guid ApplicationId, ClaimsPrincipal Caller) : ICommand<Result<ResumeLink>>;

    public sealed record ResumeLink(string Url, DateTimeOffset ExpiresAt);

    public sealed class Handler(LiveHireDbContext db, ResumeLinks links) : ICommandHandler<Command, Result<ResumeLink>>
    {
        public async ValueTask<Result<ResumeLink>> Handle(Command command, CancellationToken cancellationToken)
        {
            var application = await db.Applications.AsNoTracking()
                .Where(a => a.Id == command.ApplicationId)
                .Select(a => new { a.Job!.EmployerId, a.ResumeId, a.Status })
                .SingleOrDefaultAsync(cancellationToken);
            // Someone else's application reads as missing, so ids of other employers' applications cannot be probed.
            if (application is null || !command.Caller.IsRecruiterOf(application.EmployerId)) return Error.NotFound("Application");
            // A withdrawn application takes its resume back with it.
            if (application.ResumeId is null || application.Status == ApplicationStatus.Withdrawn) return Error.NotFound("Resume");
            var (url, expiresAt) = links.Issue(command.ApplicationId);
            return new ResumeLink(url, expiresAt);
        }
    }

    public static void Map(IEndpointRouteBuilder api, IEndpointRouteBuilder site)
    {
        api.MapPost("/applications/{applicationId:guid}/resume-link",
                async Task<Results<Ok<ResumeLink>, ProblemHttpResult>> (Guid applicationId, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
                {
                    var result = await mediator.Send(new Command(applicationId, user), ct);
                    return result.IsSuccess ? TypedResults.Ok(result.Value!) : (ProblemHttpResult)result.Error!.ToProblem();
                })
            .RequireAuthorization(Policies.Recruiter)
            .WithName("IssueResumeLink")
            .WithSummary("A link to an application's resume that works for a few minutes, for this employer's recruiters only.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        site.MapGet("/resumes/{applicationId:guid}", async (Guid applicationId, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
            {
                var result = await mediator.Send(new Command(applicationId, user), ct);
                return result.IsSuccess ? Results.Redirect(result.Value!.Url) : result.Error!.ToProblem();
            })
            .RequireAuthorization(Policies.Recruiter)
            .ExcludeFromDescription();
    }
}
