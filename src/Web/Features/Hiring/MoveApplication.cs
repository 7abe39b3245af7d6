using System.Security.Claims;
using FluentValidation;
using LiveHire.Core.Data;
using LiveHire.Core.Domain;
using LiveHire.Core.Messaging;
using LiveHire.Core.Identity;
using LiveHire.Core.Ports;
using LiveHire.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LiveHire.Web.Features.Hiring;

/// <summary>A recruiter moves an application on the board (shortlist, interview, offer, hire, or reject with a reason); the candidate is told.</summary>
public static class MoveApplication
{
    public sealed record Request(string Status, string? Reason);

    public sealed record Command(Guid ApplicationId, Request Request, ClaimsPrincipal Caller) : ICommand<Result<BoardCard>>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Request.Status).NotEmpty().IsEnumName(typeof(ApplicationStatus)).OverridePropertyName("status");
    }

    public sealed class Handler(LiveHireDbContext db, ILiveNotifier notifier, ChannelDelivery channels, TimeProvider clock) : ICommandHandler<Command, Result<BoardCard>>
    {
        public async ValueTask<Result<BoardCard>> Handle(Command command, CancellationToken cancellationToken)
        {
            var loaded = await BoardAccess.LoadAsync(db, command.ApplicationId, command.Caller, cancellationToken);
            if (!loaded.IsSuccess) return loaded.Error!;
            var application = loaded.Value!;
            var moved = application.MoveTo(Enum.Parse<ApplicationStatus>(command.Request.Status), command.Request.Reason, clock.GetUtcNow());
            if (!moved.IsSuccess) return moved.Error!;
            await db.SaveChangesAsync(cancellationToken);
            await CandidateNotice.SendAsync(db, notifier, channels, application, cancellationToken);
            return await BoardCard.LoadAsync(db, application.Id, cancellationToken);
        }
    }

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/applications/{applicationId:guid}/status",
                async Task<Results<Ok<BoardCard>, ProblemHttpResult>> (Guid applicationId, Request request, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
                {
                    var result = await mediator.Send(new Command(applicationId, request, user), ct);
                    return result.IsSuccess ? TypedResults.Ok(result.Value!) : (ProblemHttpResult)result.Error!.ToProblem();
                })
            .RequireAuthorization(Policies.Recruiter)
            .WithName("MoveApplication")
            .WithSummary("Move an application on the hiring board (recruiters of the job's employer). Rejected needs a reason.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
}
