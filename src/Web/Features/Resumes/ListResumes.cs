using System.Security.Claims;
using LiveHire.Core.Data;
using LiveHire.Core.Identity;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace LiveHire.Web.Features.Resumes;

/// <summary>The signed-in candidate's resume library, newest first.</summary>
public static class ListResumes
{
    public sealed record Query(Guid CandidateId) : IQuery<IReadOnlyList<ResumeView>>;

    public sealed class Handler(LiveHireDbContext db) : IQueryHandler<Query, IReadOnlyList<ResumeView>>
    {
        public async ValueTask<IReadOnlyList<ResumeView>> Handle(Query query, CancellationToken cancellationToken)
        {
            var rows = await db.Resumes.AsNoTracking()
                .Where(r => r.CandidateId == query.CandidateId)
                .Select(r => new ResumeView(r.Id, r.FileName, r.ContentType, r.SizeBytes, r.UploadedAt))
                .ToListAsync(cancellationToken);
            // Sorted here: SQLite cannot order by DateTimeOffset.
            return rows.OrderByDescending(r => r.UploadedAt).ToList();
        }
    }

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/resumes", async (ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new Query(user.UserId()!.Value), ct)))
            .RequireAuthorization(Policies.Candidate)
            .WithName("ListResumes")
            .WithSummary("My resume library (candidates).");
}
