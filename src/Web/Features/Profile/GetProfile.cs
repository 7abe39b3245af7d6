using System.Security.Claims;
using LiveHire.Core.Data;
using LiveHire.Core.Identity;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace LiveHire.Web.Features.Profile;

/// <summary>The signed-in candidate's profile; before the first save, an empty one carrying their display name.</summary>
public static class GetProfile
{
    public sealed record Query(Guid CandidateId) : IQuery<ProfileView>;

    public sealed class Handler(LiveHireDbContext db) : IQueryHandler<Query, ProfileView>
    {
        public async ValueTask<ProfileView> Handle(Query query, CancellationToken cancellationToken)
        {
            var profile = await db.CandidateProfiles.AsNoTracking().SingleOrDefaultAsync(p => p.UserId == query.CandidateId, cancellationToken);
            if (profile is not null) return ProfileView.From(profile);
            var name = await db.Users.Where(u => u.Id == query.CandidateId).Select(u => u.DisplayName).SingleAsync(cancellationToken);
            return ProfileView.Empty(name);
        }
    }

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/me/profile", async (ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new Query(user.UserId()!.Value), ct)))
            .RequireAuthorization(Policies.Candidate)
            .WithName("GetProfile")
            .WithSummary("My profile: education, experience, skills, wanted jobs and pay, availability, groups (candidates).");
}
