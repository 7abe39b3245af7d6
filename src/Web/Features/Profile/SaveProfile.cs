using System.Security.Claims;
using LiveHire.Core.Data;
using LiveHire.Core.Domain;
using LiveHire.Core.Identity;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LiveHire.Web.Features.Profile;

/// <summary>A candidate saves their whole profile at once (create or replace); the entity checks every limit.</summary>
public static class SaveProfile
{
    public sealed record Command(Guid CandidateId, ProfileContent Content) : ICommand<Result<ProfileView>>;

    public sealed class Handler(LiveHireDbContext db, TimeProvider clock) : ICommandHandler<Command, Result<ProfileView>>
    {
        public async ValueTask<Result<ProfileView>> Handle(Command command, CancellationToken cancellationToken)
        {
            var profile = await db.CandidateProfiles.FindAsync([command.CandidateId], cancellationToken);
            if (profile is null)
            {
                var created = CandidateProfile.Create(command.CandidateId, command.Content, clock.GetUtcNow());
                if (!created.IsSuccess) return created.Error!;
                db.CandidateProfiles.Add(profile = created.Value!);
            }
            else if (profile.Change(command.Content, clock.GetUtcNow()) is { IsSuccess: false } failed)
                return failed.Error!;
            await db.SaveChangesAsync(cancellationToken);
            return ProfileView.From(profile);
        }
    }

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPut("/me/profile", async Task<Results<Ok<ProfileView>, ProblemHttpResult>> (ProfileView request, ClaimsPrincipal user, IMediator mediator,
                CancellationToken ct) =>
            {
                var result = await mediator.Send(new Command(user.UserId()!.Value, request.ToContent()), ct);
                return result.IsSuccess ? TypedResults.Ok(result.Value!) : (ProblemHttpResult)result.Error!.ToProblem();
            })
            .RequireAuthorization(Policies.Candidate)
            .WithName("SaveProfile")
            .WithSummary("Save my profile, replacing what was there (candidates). UpdatedAt is ignored on input.")
            .ProducesValidationProblem();
}
