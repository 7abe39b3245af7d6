using System.Security.Claims;
using LiveHire.Core.Data;
using LiveHire.Core.Domain;
using LiveHire.Core.Identity;
using LiveHire.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LiveHire.Web.Features.Jobs;

/// <summary>A recruiter posts a job for their employer (from the studio, so it can join the lineup at once).</summary>
public static class CreateJob
{
    public sealed record Command(Guid EmployerId, JobRequest Request) : ICommand<Result<JobView>>, IJobCommand;

    public sealed class Validator : JobRequestValidator<Command>;

    public sealed class Handler(LiveHireDbContext db, TimeProvider clock) : ICommandHandler<Command, Result<JobView>>
    {
        public async ValueTask<Result<JobView>> Handle(Command command, CancellationToken cancellationToken)
        {
            var r = command.Request;
            var created = Job.Create(command.EmployerId, r.Title, r.Description ?? "", r.PayMin, r.PayMax, r.PayUnitValue,
                r.Hours ?? "", r.TypeValue, r.LocationValue, r.BenefitsValue, r.Headcount, clock.GetUtcNow());
            if (!created.IsSuccess) return created.Error!;
            created.Value!.SetGroups(r.GroupsValue);
            db.Jobs.Add(created.Value!);
            await db.SaveChangesAsync(cancellationToken);
            return JobView.From(created.Value!);
        }
    }

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/employers/{employerId:guid}/jobs", Handle)
            .RequireAuthorization(Policies.Recruiter)
            .WithName("CreateJob")
            .WithSummary("Post a job for an employer (its recruiters).")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);

    private static async Task<Results<Created<JobView>, ProblemHttpResult>> Handle(Guid employerId, JobRequest request, ClaimsPrincipal user,
        IMediator mediator, CancellationToken ct)
    {
        if (!user.IsRecruiterOf(employerId))
            return (ProblemHttpResult)Error.Forbidden("Only this employer's recruiters post its jobs.").ToProblem();
        var result = await mediator.Send(new Command(employerId, request), ct);
        return result.IsSuccess
            ? TypedResults.Created($"/api/v1/employers/{employerId}/jobs/{result.Value!.Id}", result.Value)
            : (ProblemHttpResult)result.Error!.ToProblem();
    }
}
