using System.Security.Claims;
using LiveHire.Core.Data;
using LiveHire.Core.Domain;
using LiveHire.Core.Messaging;
using LiveHire.Core.Identity;
using LiveHire.Core.Ports;
using LiveHire.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace LiveHire.Web.Features.Hiring;

/// <summary>A recruiter opens one application with its notes; a new one becomes Viewed, and the candidate sees that live.</summary>
public static class OpenApplication
{
    public sealed record Command(Guid ApplicationId, ClaimsPrincipal Caller) : ICommand<Result<Opened>>;

    public sealed record NoteView(string AuthorName, string Text, DateTimeOffset CreatedAt);

    public sealed record Opened(BoardCard Application, IReadOnlyList<NoteView> Notes);

    public sealed class Handler(LiveHireDbContext db, ILiveNotifier notifier, ChannelDelivery channels, TimeProvider clock) : ICommandHandler<Command, Result<Opened>>
    {
        public async ValueTask<Result<Opened>> Handle(Command command, CancellationToken cancellationToken)
        {
            var loaded = await BoardAccess.LoadAsync(db, command.ApplicationId, command.Caller, cancellationToken);
            if (!loaded.IsSuccess) return loaded.Error!;
            var application = loaded.Value!;
            if (application.MarkViewed(clock.GetUtcNow()))
            {
                await db.SaveChangesAsync(cancellationToken);
                await CandidateNotice.SendAsync(db, notifier, channels, application, cancellationToken);
            }
            var notes = await db.ApplicationNotes.AsNoTracking().Where(n => n.ApplicationId == application.Id)
                .Select(n => new NoteView(n.AuthorName, n.Text, n.CreatedAt)).ToListAsync(cancellationToken);
            return new Opened(await BoardCard.LoadAsync(db, application.Id, cancellationToken), notes.OrderBy(n => n.CreatedAt).ToList());
        }
    }

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/applications/{applicationId:guid}/open",
                async Task<Results<Ok<Opened>, ProblemHttpResult>> (Guid applicationId, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
                {
                    var result = await mediator.Send(new Command(applicationId, user), ct);
                    return result.IsSuccess ? TypedResults.Ok(result.Value!) : (ProblemHttpResult)result.Error!.ToProblem();
                })
            .RequireAuthorization(Policies.Recruiter)
            .WithName("OpenApplication")
            .WithSummary("Open an application with its notes (recruiters of the job's employer); a new application becomes Viewed.")
            .ProducesProblem(StatusCodes.Status404NotFound);
}
