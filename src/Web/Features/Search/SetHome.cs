using System.Security.Claims;
using LiveHire.Core.Data;
using LiveHire.Core.Domain;
using LiveHire.Core.Identity;
using LiveHire.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LiveHire.Web.Features.Search;

/// <summary>A candidate says where home is (district / street / community, a map point, or both), for 家门口 search.</summary>
public static class SetHome
{
    public sealed record Request(string? District, string? Street, string? Community, double? Latitude, double? Longitude);

    public sealed record Command(Guid CandidateId, Request Request) : ICommand<Result<Place>>;

    public sealed class Handler(LiveHireDbContext db, TimeProvider clock) : ICommandHandler<Command, Result<Place>>
    {
        public async ValueTask<Result<Place>> Handle(Command command, CancellationToken cancellationToken)
        {
            var r = command.Request;
            var home = await db.CandidateHomes.FindAsync([command.CandidateId], cancellationToken);
            if (home is null)
            {
                var created = CandidateHome.Set(command.CandidateId, r.District, r.Street, r.Community, r.Latitude, r.Longitude, clock.GetUtcNow());
                if (!created.IsSuccess) return created.Error!;
                db.CandidateHomes.Add(home = created.Value!);
            }
            else if (home.Change(r.District, r.Street, r.Community, r.Latitude, r.Longitude, clock.GetUtcNow()) is { IsSuccess: false } failed)
                return failed.Error!;
            await db.SaveChangesAsync(cancellationToken);
            return home.ToPlace();
        }
    }

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPut("/me/home", async Task<Results<Ok<Place>, ProblemHttpResult>> (Request request, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
            {
                var result = await mediator.Send(new Command(user.UserId()!.Value, request), ct);
                return result.IsSuccess ? TypedResults.Ok(result.Value!) : (ProblemHttpResult)result.Error!.ToProblem();
            })
            .RequireAuthorization(Policies.Candidate)
            .WithName("SetHome")
            .WithSummary("Set where I live, for jobs near home (candidates).")
            .ProducesValidationProblem();
}
