using System.Security.Claims;
using LiveHire.Core.Data;
using LiveHire.Core.Domain;
using LiveHire.Core.Identity;
using LiveHire.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LiveHire.Web.Features.Jobs;

/// <summary>A recruiter pauses, reopens or closes one of their employer's jobs; the job's own rules decide what is allowed.</summary>
public static class ChangeJobStatus
{
    public enum Change { Pause, Reopen, Close }

    public sealed record Command(Guid EmployerId, Guid JobId, Change Change) : ICommand<Result<JobView>>;

    public sealed class Handler(LiveHireDbContext db) : ICommandHandler<Command, Result<JobView>>
    {
        public async ValueTask<Result<JobView>> Handle(Command command, CancellationToken cancellationToken)
        {
            var job = await db.Jobs.FindAsync([command.JobId], cancellationToken);
            if (job is null || job.EmployerId != command.EmployerId) return Error.NotFound("Job");
            var changed = command.Change switch
            {
                Change.Pause => job.Pause(),
                Change.Reopen => job.Reopen(),
                _ => job.Close(),
            };
            if (!changed.IsSuccess) return changed.Error!;
            await db.SaveChangesAsync(cancellationToken);
            return JobView.From(job);
        }
    }

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/employers/{employerId:guid}/jobs/{jobId:guid}/{change:regex(^(pause|reopen|close)$)}", Handle)
            .RequireAuthorization(Policies.Recruiter)
            .WithName("ChangeJobStatus")
            .WithSummary("Pause, reopen or close a job (its employer's recruiters). A closed job is final.")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

    private static async Task<Results<Ok<JobView>, ProblemHttpResult>> Handle(Guid employerId, Guid jobId, string change, ClaimsPrincipal user,
        IMediator mediator, CancellationToken ct)
    {
        if (!user.IsRecruiterOf(employerId))
            return (ProblemHttpResult)Error.Forbidden("Only this employer's recruiters change its jobs.").ToProblem();
        var result = await mediator.Send(new Command(employerId, jobId, Enum.Parse<Change>(change, ignoreCase: true)), ct);
        return result.IsSuccess ? TypedResults.Ok(result.Value!) : (ProblemHttpResult)result.Error!.ToProblem();
    }
}
