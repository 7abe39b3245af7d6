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
/// A candidate takes back one of their applications before it ended. From then on the employer can no longer open the
/// resume sent with it (IssueResumeLink); the board keeps the row, marked withdrawn.
/// </summary>
public static class WithdrawApplication
{
    public sealed record Request(string? Reason);

    public sealed record Command(Guid CandidateId, Guid ApplicationId, string? Reason) : ICommand<Result<ApplicationSummary>>;

    public sealed class Handler(LiveHireDbContext db, ILiveNotifier notifier, TimeProvider clock) : ICommandHandler<Command, Result<ApplicationSummary>>
    {
        public async ValueTask<Result<ApplicationSummary>> Handle(Command command, CancellationToken cancellationToken)
        {
            var application = await db.Applications.Include(a => a.Job).ThenInclude(j => j!.Employer)
                .SingleOrDefaultAsync(a => a.Id == command.ApplicationId && a.CandidateId == command.CandidateId, cancellationToken);
            if (application is null) return Error.NotFound("Application");
            var withdrawn = application.Withdraw(command.Reason, clock.GetUtcNow());
            if (!withdrawn.IsSuccess) return withdrawn.Error!;
            await db.SaveChangesAsync(cancellationToken);
            // The candidate's other screens (a phone and a tab) update too; no text message for their own act.
            await notifier.PublishAsync(new ApplicationStatusChanged(application.CandidateId, application.Id, application.JobId, application.Job!.Title,
                application.Job.Employer!.Name, application.Status.ToString(), application.StatusReason, application.UpdatedAt), cancellationToken);
            return new ApplicationSummary(application.Id, application.JobId, application.Job.Title, application.ResumeId, application.SessionId,
                application.Status.ToString(), application.CreatedAt, application.StatusReason);
        }
    }

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/applications/{applicationId:guid}/withdraw",
                async Task<Results<Ok<ApplicationSummary>, ProblemHttpResult>> (Guid applicationId, Request? request, ClaimsPrincipal user, IMediator mediator,
                    CancellationToken ct) =>
                {
                    var result = await mediator.Send(new Command(user.UserId()!.Value, applicationId, request?.Reason), ct);
                    return result.IsSuccess ? TypedResults.Ok(result.Value!) : (ProblemHttpResult)result.Error!.ToProblem();
                })
            .RequireAuthorization(Policies.Candidate)
            .WithName("WithdrawApplication")
            .WithSummary("Withdraw one of my applications (candidates).")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
}
