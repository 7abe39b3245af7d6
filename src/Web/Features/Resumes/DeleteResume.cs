using System.Security.Claims;
using LiveHire.Core.Data;
using LiveHire.Core.Domain;
using LiveHire.Core.Identity;
using LiveHire.Core.Ports;
using LiveHire.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace LiveHire.Web.Features.Resumes;

/// <summary>
/// A candidate removes a file from their library. The file goes too, also from applications already sent with it:
/// the person withdrew it, and employers should not keep what the candidate asked to delete.
/// </summary>
public static class DeleteResume
{
    public sealed record Command(Guid CandidateId, Guid ResumeId) : ICommand<Result>;

    public sealed class Handler(LiveHireDbContext db, IBlobStore blobs) : ICommandHandler<Command, Result>
    {
        public async ValueTask<Result> Handle(Command command, CancellationToken cancellationToken)
        {
            var resume = await db.Resumes.SingleOrDefaultAsync(r => r.Id == command.ResumeId && r.CandidateId == command.CandidateId, cancellationToken);
            if (resume is null) return Error.NotFound("Resume");
            db.Resumes.Remove(resume);
            await db.SaveChangesAsync(cancellationToken);
            // After the row: a failure here leaves an unreferenced blob, never a row whose file is missing.
            await blobs.DeleteAsync(resume.BlobKey, cancellationToken);
            return Result.Success();
        }
    }

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapDelete("/resumes/{resumeId:guid}", async Task<Results<NoContent, ProblemHttpResult>> (Guid resumeId, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
            {
                var result = await mediator.Send(new Command(user.UserId()!.Value, resumeId), ct);
                return result.IsSuccess ? TypedResults.NoContent() : (ProblemHttpResult)result.Error!.ToProblem();
            })
            .RequireAuthorization(Policies.Candidate)
            .WithName("DeleteResume")
            .WithSummary("Delete one of my resumes (candidates).")
            .ProducesProblem(StatusCodes.Status404NotFound);
}
