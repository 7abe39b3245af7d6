using System.Security.Claims;
using LiveHire.Core.Data;
using LiveHire.Core.Domain;
using LiveHire.Core.Identity;
using LiveHire.Core.Ports;
using LiveHire.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace LiveHire.Web.Features.Applications;

/// <summary>
/// One-tap apply: a candidate applies to an open job, with a resume of their own or none, optionally from a live room.
/// Idempotent: a repeated tap or a network retry gets the application already made (200), never a second one.
/// </summary>
public static class SubmitApplication
{
    public sealed record Request(Guid JobId, Guid? ResumeId, Guid? SessionId);

    public sealed record Command(Request Request, Guid CandidateId, string CandidateName) : ICommand<Result<Submitted>>;

    public sealed record Submitted(ApplicationSummary Application, bool Created);

    public sealed class Handler(LiveHireDbContext db, ILiveNotifier notifier, TimeProvider clock) : ICommandHandler<Command, Result<Submitted>>
    {
        public async ValueTask<Result<Submitted>> Handle(Command command, CancellationToken cancellationToken)
        {
            var (r, candidateId) = (command.Request, command.CandidateId);
            var job = await db.Jobs.AsNoTracking().Where(j => j.Id == r.JobId)
                .Select(j => new { j.Id, j.Title, j.EmployerId, j.Status }).SingleOrDefaultAsync(cancellationToken);
            if (job is null) return Error.NotFound("Job");

            if (await FindAsync(r.JobId, candidateId, cancellationToken) is { } existing) return new Submitted(existing, false);

            if (job.Status != JobStatus.Open) return Error.Conflict("job.not_open", "This job no longer takes applications.");
            if (r.ResumeId is { } resumeId && !await db.Resumes.AnyAsync(x => x.Id == resumeId && x.CandidateId == candidateId, cancellationToken))
                return Error.NotFound("Resume"); // someone else's resume reads as missing
            if (r.SessionId is { } sessionId && !await db.LiveSessions.AnyAsync(s => s.Id == sessionId && s.EmployerId == job.EmployerId, cancellationToken))
                return Error.Validation("application.session", "The job is not in that session's employer's lineup.");

            var application = JobApplication.Submit(job.Id, candidateId, r.ResumeId, r.SessionId, clock.GetUtcNow());
            db.Applications.Add(application);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // Two taps raced past the check above; the unique index kept one application, and this tap returns it.
                db.ChangeTracker.Clear();
                if (await FindAsync(r.JobId, candidateId, CancellationToken.None) is { } raced) return new Submitted(raced, false);
                throw;
            }

            if (r.SessionId is { } fromSession)
                await notifier.PublishAsync(new ApplicationReceived(fromSession, application.Id, job.Id, job.Title, command.CandidateName,
                    r.ResumeId is not null, application.CreatedAt), cancellationToken);
            return new Submitted(new ApplicationSummary(application.Id, job.Id, job.Title, r.ResumeId, r.SessionId,
                application.Status.ToString(), application.CreatedAt), true);
        }

        private Task<ApplicationSummary?> FindAsync(Guid jobId, Guid candidateId, CancellationToken ct) =>
            db.Applications.AsNoTracking()
                .Where(a => a.JobId == jobId && a.CandidateId == candidateId)
                .Select(a => new ApplicationSummary(a.Id, a.JobId, a.Job!.Title, a.ResumeId, a.SessionId, a.Status.ToString(), a.CreatedAt))
                .SingleOrDefaultAsync(ct);
    }

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/applications", Handle)
            .RequireAuthorization(Policies.Candidate)
            .WithName("SubmitApplication")
            .WithSummary("Apply to a job (candidates). 201 for a new application, 200 with the existing one when already applied.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesValidationProblem();

    private static async Task<Results<Created<ApplicationSummary>, Ok<ApplicationSummary>, ProblemHttpResult>> Handle(Request request,
        ClaimsPrincipal user, IMediator mediator, CancellationToken ct)
    {
        var result = await mediator.Send(new Command(request, user.UserId()!.Value, user.DisplayNameOf()), ct);
        if (!result.IsSuccess) return (ProblemHttpResult)result.Error!.ToProblem();
        var (application, created) = result.Value!;
        return created ? TypedResults.Created($"/api/v1/applications/{application.Id}", application) : TypedResults.Ok(application);
    }
}

/// <summary>An application as the candidate who made it sees it.</summary>
/// <param name="Reason">Why it was rejected (the employer's message) or withdrawn; null otherwise.</param>
public sealed record ApplicationSummary(Guid Id, Guid JobId, string JobTitle, Guid? ResumeId, Guid? SessionId, string Status, DateTimeOffset SubmittedAt,
    string? Reason = null);
