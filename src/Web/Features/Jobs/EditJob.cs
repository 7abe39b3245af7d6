using System.Security.Claims;
using LiveHire.Core.Data;
using LiveHire.Core.Domain;
using LiveHire.Core.Identity;
using LiveHire.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LiveHire.Web.Features.Jobs;

/// <summary>A recruiter revises one of their employer's jobs (from the studio, even while it is presented).</summary>
public static class EditJob
{
    public sealed record Command(Guid EmployerId, Guid JobId, JobRequest Request) : ICommand<Result<JobView>>, IJobCommand;

    public sealed class Validator : JobRequestValidator<Command>;

    public sealed class Handler(LiveHireDbContext db) : ICommandHandler<Command, Result<JobView>>
    {
        public async ValueTask<Result<JobView>> Handle(Command command, CancellationToken cancellationToken)
        {
            var job = await db.Jobs.FindAsync([command.JobId], cancellationToken);
            // Another employer's job reads as missing: its existence is not this recruiter's business.
            if (job is null || job.EmployerId != command.EmployerId) return Error.NotFound("Job");
            var r = command.Request;
            var revised = job.Revise(r.Title, r.Description ?? "", r.PayMin, r.PayMax, r.PayUnitValue, r.Hours ?? "", r.TypeValue,
                r.LocationValue, r.BenefitsValue, r.Headcount);
            if (!revised.IsSuccess) return revised.Error!;
            job.SetGroups(r.GroupsValue);
            await db.SaveChangesAsync(cancellationToken);
            return JobView.From(job);
        }
    }

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPut("/employers/{employerId:guid}/jobs/{jobId:guid}", Handle)
            .RequireAuthorization(Policies.Recruiter)
            .WithName("EditJob")
            .WithSummary("Revise a job of an employer (its recruiters). Changing the offer clears the verified mark.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<Results<Ok<JobView>, ProblemHttpResult>> Handle(Guid employerId, Guid jobId, JobRequest request, ClaimsPrincipal user,
        IMediator mediator, CancellationToken ct)
    {
        if (!user.IsRecruiterOf(employerId))
            return (ProblemHttpResult)Error.Forbidden("Only this employer's recruiters revise its jobs.").ToProblem();
        var result = await mediator.Send(new Command(employerId, jobId, request), ct);
        return result.IsSuccess ? TypedResults.Ok(result.Value!) : (ProblemHttpResult)result.Error!.ToProblem();
    }
}
