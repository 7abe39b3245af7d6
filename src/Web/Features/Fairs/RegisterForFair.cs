using System.Security.Claims;
using LiveHire.Core.Data;
using LiveHire.Core.Domain;
using LiveHire.Core.Fairs;
using LiveHire.Core.Identity;
using LiveHire.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace LiveHire.Web.Features.Fairs;

/// <summary>A candidate registers for a fair, or for one live session in it. Registering twice keeps one registration.</summary>
public static class RegisterForFair
{
    public sealed record Request(Guid? SessionId);

    public sealed record Command(Guid FairId, Guid? SessionId, Guid CandidateId) : ICommand<Result<RegistrationView>>;

    public sealed class Handler(LiveHireDbContext db, ReminderSchedule reminders, TimeProvider clock) : ICommandHandler<Command, Result<RegistrationView>>
    {
        public async ValueTask<Result<RegistrationView>> Handle(Command command, CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow();
            var fair = await db.Fairs.AsNoTracking().FirstOrDefaultAsync(f => f.Id == command.FairId, cancellationToken);
            if (fair is null) return Error.NotFound("Fair");
            if (fair.Status == FairStatus.Cancelled || fair.EndsAt <= now)
                return Error.Conflict("fair.closed", "This fair is cancelled or over.");
            if (command.SessionId is { } sessionId
                && !await db.LiveSessions.AnyAsync(s => s.Id == sessionId && s.FairId == fair.Id && s.Status != LiveSessionStatus.Cancelled, cancellationToken))
                return Error.NotFound("Session");

            var registration = FairRegistration.Create(command.CandidateId, fair.Id, command.SessionId, now);
            var existing = await Existing(registration.Scope);
            if (existing is not null) return new RegistrationView(existing.Id, fair.Id, existing.SessionId, Created: false);
            db.FairRegistrations.Add(registration);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // A double tap: the other request registered first; the unique index kept one row.
                db.ChangeTracker.Clear();
                existing = await Existing(registration.Scope);
                if (existing is null) throw;
                return new RegistrationView(existing.Id, fair.Id, existing.SessionId, Created: false);
            }
            await reminders.ScheduleAsync(fair.Id, registration.Id, cancellationToken);
            return new RegistrationView(registration.Id, fair.Id, registration.SessionId, Created: true);

            Task<FairRegistration?> Existing(string scope) => db.FairRegistrations.AsNoTracking()
                .FirstOrDefaultAsync(r => r.CandidateId == command.CandidateId && r.FairId == fair.Id && r.Scope == scope, cancellationToken);
        }
    }

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/fairs/{fairId:guid}/registrations", Handle)
            .RequireAuthorization(Policies.Candidate)
            .WithName("RegisterForFair")
            .WithSummary("Register for a fair or one of its sessions; a repeat returns the registration already made (candidates).")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

    private static async Task<Results<Created<RegistrationView>, Ok<RegistrationView>, ProblemHttpResult>> Handle(Guid fairId, Request? request,
        ClaimsPrincipal user, IMediator mediator, CancellationToken ct)
    {
        if (user.UserId() is not { } userId) return (ProblemHttpResult)Error.Forbidden("Sign in first.").ToProblem();
        var result = await mediator.Send(new Command(fairId, request?.SessionId, userId), ct);
        if (!result.IsSuccess) return (ProblemHttpResult)result.Error!.ToProblem();
        return result.Value!.Created ? TypedResults.Created($"/api/v1/fairs/{fairId}/registrations/{result.Value.Id}", result.Value) : TypedResults.Ok(result.Value);
    }
}

public sealed record RegistrationView(Guid Id, Guid FairId, Guid? SessionId, bool Created);
