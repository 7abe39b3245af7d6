using System.Security.Claims;
using LiveHire.Core.Data;
using LiveHire.Core.Domain;
using LiveHire.Core.Identity;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace LiveHire.Web.Features.Recommendations;

/// <summary>
/// 为你推荐: a candidate's recommendations. Those made in the last <see cref="Recommendation.RepeatWindow"/> stand (a job is
/// never recommended twice to one person within it); when fewer than <see cref="Wanted"/> of them are still open and
/// not applied to, the best fresh matches top them up, are recorded (made by the system) and listed first.
/// </summary>
public static class RecommendJobs
{
    public const int Wanted = 3;
    private const int PoolPerSource = 200;

    public sealed record Command(Guid CandidateId) : ICommand<IReadOnlyList<RecommendationView>>;

    public sealed class Handler(LiveHireDbContext db, TimeProvider clock) : ICommandHandler<Command, IReadOnlyList<RecommendationView>>
    {
        public async ValueTask<IReadOnlyList<RecommendationView>> Handle(Command command, CancellationToken cancellationToken)
        {
            var (me, now) = (command.CandidateId, clock.GetUtcNow());
            var home = (await db.CandidateHomes.AsNoTracking().SingleOrDefaultAsync(h => h.UserId == me, cancellationToken))?.ToPlace() ?? Place.Nowhere;
            var profile = await db.CandidateProfiles.AsNoTracking().SingleOrDefaultAsync(p => p.UserId == me, cancellationToken);
            var seeker = Seeker.From(home, profile);
            var since = now - Recommendation.RepeatWindow;
            var recent = await db.Recommendations.AsNoTracking().Include(r => r.Job).ThenInclude(j => j!.Employer)
                .Where(r => r.CandidateId == me && r.MadeAt > since).ToListAsync(cancellationToken);
            var applied = (await db.Applications.Where(a => a.CandidateId == me).Select(a => a.JobId).ToListAsync(cancellationToken)).ToHashSet();
            var standing = recent.Count(r => r.Job!.Status == JobStatus.Open && !applied.Contains(r.JobId));

            var made = new List<(Recommendation Recommendation, Job Job)>();
            if (standing < Wanted)
            {
                var excluded = recent.Select(r => r.JobId).Concat(applied).ToHashSet();
                var pool = (await PoolAsync(seeker, cancellationToken)).Where(j => !excluded.Contains(j.Id));
                made = JobMatching.Pick(seeker, pool, Wanted - standing).Select(m => (Recommendation.Make(me, m, seeker, null, now), m.Job)).ToList();
                db.Recommendations.AddRange(made.Select(m => m.Recommendation));
                await db.SaveChangesAsync(cancellationToken);
            }

            var fresh = made.Select(m => From(m.Recommendation, m.Job, applied: false, isNew: true));
            var earlier = recent.Where(r => r.Job!.Status == JobStatus.Open || applied.Contains(r.JobId))
                .OrderBy(r => applied.Contains(r.JobId)).ThenByDescending(r => r.Score).Select(r => View(r, applied, isNew: false));
            return fresh.Concat(earlier).ToList();
        }

        /// <summary>
        /// The open jobs worth scoring: those in the candidate's district, those whose text holds a wanted title or skill,
        /// and the newest — each bounded, so one person's recommendations never read the whole jobs table.
        /// </summary>
        private async Task<IReadOnlyList<Job>> PoolAsync(Seeker seeker, CancellationToken ct)
        {
            var open = db.Jobs.AsNoTracking().Where(j => j.Status == JobStatus.Open);
            var ids = new HashSet<Guid>();
            if (seeker.Home.District is { Length: > 0 } district)
                ids.UnionWith(await open.Where(j => j.Location.District == district).OrderByDescending(j => j.CreatedAt).Take(PoolPerSource)
                    .Select(j => j.Id).ToListAsync(ct));
            var words = seeker.WantedTitles.Concat(seeker.Skills).Select(w => SearchText.Fold(w)).Where(w => w.Length > 0).Distinct().Take(10);
            foreach (var word in words)
            {
                var pattern = $"%{word}%"; // folded text has no % or _ left to escape
                ids.UnionWith(await open.Where(j => EF.Functions.Like(j.SearchText, pattern)).OrderByDescending(j => j.CreatedAt).Take(PoolPerSource / 4)
                    .Select(j => j.Id).ToListAsync(ct));
            }
            ids.UnionWith(await open.OrderByDescending(j => j.CreatedAt).Take(PoolPerSource).Select(j => j.Id).ToListAsync(ct));
            var list = ids.ToList();
            return await open.Include(j => j.Employer).Where(j => list.Contains(j.Id)).ToListAsync(ct);
        }

        private static RecommendationView View(Recommendation r, IReadOnlySet<Guid> applied, bool isNew) => From(r, r.Job!, applied.Contains(r.JobId), isNew);
    }

    public static RecommendationView From(Recommendation r, Job job, bool applied, bool isNew) =>
        new(r.Id, job.Id, job.Title, job.Employer?.Name ?? "", job.PayMin, job.PayMax, job.PayUnit.ToString(), job.Location.District, job.Location.Street,
            job.Location.Community, r.Reasons, r.MadeAt, r.MadeById is not null, applied, isNew);

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/me/recommendations", async (ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new Command(user.UserId()!.Value), ct)))
            .RequireAuthorization(Policies.Candidate)
            .WithName("RecommendJobs")
            .WithSummary("My recommended jobs with the reasons (candidates): those of the last 7 days, topped up to three open ones "
                + "not yet applied to with fresh matches, which are recorded. Apply with POST /api/v1/applications.");
}
