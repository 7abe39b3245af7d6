using LiveHire.Core.Data;
using LiveHire.Core.Domain;
using LiveHire.Core.Identity;
using LiveHire.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LiveHire.Web.Features.Jobs;

/// <summary>
/// An organizer (employment centre) has reviewed a job and marks it verified, or revokes the mark. The mark then shows
/// wherever the job does: search results, the live room's cards, the employer's list.
/// </summary>
public static class VerifyJob
{
    public sealed record Command(Guid JobId, bool Verified) : ICommand<Result<JobView>>;

    public sealed class Handler(LiveHireDbContext db, TimeProvider clock) : ICommandHandler<Command, Result<JobView>>
    {
        public async ValueTask<Result<JobView>> Handle(Command command, CancellationToken cancellationToken)
        {
            var job = await db.Jobs.FindAsync([command.JobId], cancellationToken);
            if (job is null) return Error.NotFound("Job");
            if (command.Verified) job.MarkVerified(clock.GetUtcNow());
            else job.RevokeVerification();
            await db.SaveChangesAsync(cancellationToken);
            return JobView.From(job);
        }
    }

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPost("/jobs/{jobId:guid}/verification", (Guid jobId, IMediator mediator, CancellationToken ct) => Send(new Command(jobId, true), mediator, ct))
            .RequireAuthorization(Policies.Organizer)
            .WithName("VerifyJob")
            .WithSummary("Mark a job verified after review (organizers).")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapDelete("/jobs/{jobId:guid}/verification", (Guid jobId, IMediator mediator, CancellationToken ct) => Send(new Command(jobId, false), mediator, ct))
            .RequireAuthorization(Policies.Organizer)
            .WithName("RevokeJobVerification")
            .WithSummary("Withdraw a job's verified mark (organizers).")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<Results<Ok<JobView>, ProblemHttpResult>> Send(Command command, IMediator mediator, CancellationToken ct)
    {
        var result = await mediator.Send(command, ct);
        return result.IsSuccess ? TypedResults.Ok(result.Value!) : (ProblemHttpResult)result.Error!.ToProblem();
    }
}
