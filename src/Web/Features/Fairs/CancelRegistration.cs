using System.Security.Claims;
using LiveHire.Core.Data;
using LiveHire.Core.Domain;
using LiveHire.Core.Identity;
using LiveHire.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace LiveHire.Web.Features.Fairs;

/// <summary>
/// A candidate takes back a registration: it and its pending reminders go (the reminder rows cascade), so nothing more is
/// sent for it. Someone else's registration reads as missing. Cancelling twice is harmless (404 the second time).
/// </summary>
public static class CancelRegistration
{
    public sealed record Command(Guid FairId, Guid RegistrationId, Guid CandidateId) : ICommand<Result>;

    public sealed class Handler(LiveHireDbContext db) : ICommandHandler<Command, Result>
    {
        public async ValueTask<Result> Handle(Command command, CancellationToken cancellationToken)
        {
            var deleted = await db.FairRegistrations
                .Where(r => r.Id == command.RegistrationId && r.FairId == command.FairId && r.CandidateId == command.CandidateId)
                .ExecuteDeleteAsync(cancellationToken);
            return deleted == 1 ? Result.Success() : Error.NotFound("Registration");
        }
    }

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapDelete("/fairs/{fairId:guid}/registrations/{registrationId:guid}",
                async Task<Results<NoContent, ProblemHttpResult>> (Guid fairId, Guid registrationId, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
                {
                    var result = await mediator.Send(new Command(fairId, registrationId, user.UserId()!.Value), ct);
                    return result.IsSuccess ? TypedResults.NoContent() : (ProblemHttpResult)result.Error!.ToProblem();
                })
            .RequireAuthorization(Policies.Candidate)
            .WithName("CancelRegistration")
            .WithSummary("Take back my registration for a fair or session; its reminders are not sent (candidates, their own).")
            .ProducesProblem(StatusCodes.Status404NotFound);
}
