using System.Security.Claims;
using LiveHire.Core.Data;
using LiveHire.Core.Domain;
using LiveHire.Core.Identity;
using LiveHire.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LiveHire.Web.Features.Hiring;

/// <summary>A recruiter writes a private note on an application (the candidate never sees notes).</summary>
public static class AddApplicationNote
{
    public sealed record Request(string Text);

    public sealed record Command(Guid ApplicationId, string Text, ClaimsPrincipal Caller) : ICommand<Result<OpenApplication.NoteView>>;

    public sealed class Handler(LiveHireDbContext db, TimeProvider clock) : ICommandHandler<Command, Result<OpenApplication.NoteView>>
    {
        public async ValueTask<Result<OpenApplication.NoteView>> Handle(Command command, CancellationToken cancellationToken)
        {
            var loaded = await BoardAccess.LoadAsync(db, command.ApplicationId, command.Caller, cancellationToken);
            if (!loaded.IsSuccess) return loaded.Error!;
            var written = ApplicationNote.Write(command.ApplicationId, command.Caller.UserId()!.Value, command.Caller.DisplayNameOf(), command.Text,
                clock.GetUtcNow());
            if (!written.IsSuccess) return written.Error!;
            db.ApplicationNotes.Add(written.Value!);
            await db.SaveChangesAsync(cancellationToken);
            return new OpenApplication.NoteView(written.Value!.AuthorName, written.Value.Text, written.Value.CreatedAt);
        }
    }

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/applications/{applicationId:guid}/notes",
                async Task<Results<Ok<OpenApplication.NoteView>, ProblemHttpResult>> (Guid applicationId, Request request, ClaimsPrincipal user,
                    IMediator mediator, CancellationToken ct) =>
                {
                    var result = await mediator.Send(new Command(applicationId, request.Text ?? "", user), ct);
                    return result.IsSuccess ? TypedResults.Ok(result.Value!) : (ProblemHttpResult)result.Error!.ToProblem();
                })
            .RequireAuthorization(Policies.Recruiter)
            .WithName("AddApplicationNote")
            .WithSummary("Add a private note to an application (recruiters of the job's employer).")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesValidationProblem();
}
