using System.Security.Claims;
using FluentValidation;
using LiveHire.Core.Data;
using LiveHire.Core.Domain;
using LiveHire.Core.Identity;
using LiveHire.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace LiveHire.Web.Features.Sessions;

/// <summary>An organizer schedules a live session for an employer, optionally inside one of their fairs.</summary>
public static class ScheduleSession
{
    public sealed record Request(Guid EmployerId, Guid? FairId, string Title, DateTimeOffset Start, DateTimeOffset End);

    public sealed record Command(Request Request, Guid OrganizerUserId, Guid OrganizerId) : ICommand<Result<SessionSummary>>;

    public sealed class Validator : AbstractValidator<Command>
    {
        // In the reader's language (the same words as the domain's errors with these codes), on the page and in the API.
        public Validator(IStringLocalizer<ErrorsResource> l)
        {
            RuleFor(c => c.Request.EmployerId).NotEmpty().OverridePropertyName("employerId")
                .WithMessage(_ => l["validation.session.employer"]);
            RuleFor(c => c.Request.Title)
                .NotEmpty().WithMessage(_ => l["validation.session.title", Limits])
                .MaximumLength(LiveSession.TitleMaxLength).WithMessage(_ => l["validation.session.title", Limits]).OverridePropertyName("title");
            RuleFor(c => c.Request.End).GreaterThan(c => c.Request.Start).OverridePropertyName("end")
                .WithMessage(_ => l["validation.session.time"]);
        }
    }

    /// <summary>What the words for this use case's errors show: the title's length limit, then the longest session in hours.</summary>
    public static object[] Limits => [LiveSession.TitleMaxLength, LiveSession.MaxDuration.TotalHours];

    public sealed class Handler(LiveHireDbContext db, TimeProvider clock) : ICommandHandler<Command, Result<SessionSummary>>
    {
        public async ValueTask<Result<SessionSummary>> Handle(Command command, CancellationToken cancellationToken)
        {
            var r = command.Request;
            var employer = await db.Organizations.FindAsync([r.EmployerId], cancellationToken);
            if (employer is not { Kind: OrganizationKind.Employer })
                return Error.NotFound("Employer");
            if (r.FairId is { } fairId && !await db.Fairs.AnyAsync(f => f.Id == fairId && f.OrganizerId == command.OrganizerId, cancellationToken))
                return Error.NotFound("Fair");

            var scheduled = LiveSession.Schedule(employer.Id, r.FairId, r.Title, r.Start, r.End, command.OrganizerUserId, clock.GetUtcNow());
            if (!scheduled.IsSuccess) return scheduled.Error!;
            db.LiveSessions.Add(scheduled.Value!);
            await db.SaveChangesAsync(cancellationToken);
            return SessionSummary.From(scheduled.Value!, employer.Name);
        }
    }

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/sessions", Handle)
            .RequireAuthorization(Policies.Organizer)
            .WithName("ScheduleSession")
            .WithSummary("Schedule a live session for an employer (organizers).")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<Results<Created<SessionSummary>, ProblemHttpResult>> Handle(Request request, ClaimsPrincipal user, IMediator mediator, CancellationToken ct)
    {
        if (user.UserId() is not { } userId || user.OrganizationIdOf() is not { } organizerId)
            return (ProblemHttpResult)Error.Forbidden("Only an organizer's staff can schedule sessions.").ToProblem();
        var result = await mediator.Send(new Command(request, userId, organizerId), ct);
        return result.IsSuccess
            ? TypedResults.Created($"/api/v1/sessions/{result.Value!.Id}", result.Value)
            : (ProblemHttpResult)result.Error!.ToProblem();
    }
}

/// <summary>A session as lists and the API show it.</summary>
public sealed record SessionSummary(Guid Id, string Title, Guid EmployerId, string EmployerName, Guid? FairId, string Status,
    DateTimeOffset ScheduledStart, DateTimeOffset ScheduledEnd)
{
    public static SessionSummary From(LiveSession s, string employerName) =>
        new(s.Id, s.Title, s.EmployerId, employerName, s.FairId, s.Status.ToString(), s.ScheduledStart, s.ScheduledEnd);
}
