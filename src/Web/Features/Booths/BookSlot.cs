using System.Security.Claims;
using FluentValidation;
using LiveHire.Core.Data;
using LiveHire.Core.Domain;
using LiveHire.Core.Identity;
using LiveHire.Web.Features.Sessions;
using LiveHire.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace LiveHire.Web.Features.Booths;

/// <summary>
/// A recruiter of an approved booth books a slot on the fair's timetable: a live session of their employer in the fair, so the
/// live room, reminders and registration work with it as with any session. A booth's slots never overlap and the fair's
/// stages are never exceeded, even when two recruiters book at once (ADR 0009).
/// </summary>
public static class BookSlot
{
    public sealed record Request(string Title, DateTimeOffset Start, DateTimeOffset End);

    public sealed record Command(Guid FairId, Guid EmployerId, Guid RecruiterId, Request Request) : ICommand<Result<SessionSummary>>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            // The error codes are ErrorsResource keys: a page says them in the reader's language (ErrorText.Describe).
            RuleFor(c => c.Request.Title)
                .NotEmpty().WithErrorCode("validation.session.title")
                .MaximumLength(LiveSession.TitleMaxLength).WithErrorCode("validation.session.title").OverridePropertyName("title");
            RuleFor(c => c.Request.End).GreaterThan(c => c.Request.Start).OverridePropertyName("end")
                .WithMessage("The end must be after the start.").WithErrorCode("validation.slot.time");
        }
    }

    public sealed class Handler(LiveHireDbContext db, TimeProvider clock) : ICommandHandler<Command, Result<SessionSummary>>
    {
        public async ValueTask<Result<SessionSummary>> Handle(Command command, CancellationToken cancellationToken)
        {
            var r = command.Request;
            return await TimetableWrites.DecideAndSaveAsync<SessionSummary>(db, async () =>
            {
                var fair = await db.Fairs.FirstOrDefaultAsync(f => f.Id == command.FairId, cancellationToken);
                var booth = fair is null ? null : await db.Booths.AsNoTracking().Include(b => b.Employer)
                    .FirstOrDefaultAsync(b => b.FairId == fair.Id && b.EmployerId == command.EmployerId, cancellationToken);
                if (fair is null || booth is null) return Error.NotFound("Booth");
                var sessions = await TimetableWrites.SessionsAsync(db, fair.Id, cancellationToken);
                var booked = booth.BookSlot(fair, sessions, r.Title, r.Start, r.End, command.RecruiterId, clock.GetUtcNow());
                if (!booked.IsSuccess) return booked.Error!;
                db.LiveSessions.Add(booked.Value!);
                return SessionSummary.From(booked.Value!, booth.Employer!.Name);
            }, cancellationToken);
        }
    }

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/fairs/{fairId:guid}/slots", Handle)
            .RequireAuthorization(Policies.Recruiter)
            .WithName("BookSlot")
            .WithSummary("Book a slot on the fair's timetable for your approved booth; 409 when it overlaps your booth's slots or the stages are full (recruiters).")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

    private static async Task<Results<Created<SessionSummary>, ProblemHttpResult>> Handle(Guid fairId, Request request, ClaimsPrincipal user,
        IMediator mediator, CancellationToken ct)
    {
        if (user.UserId() is not { } userId || user.OrganizationIdOf() is not { } employerId)
            return (ProblemHttpResult)Error.Forbidden("Only an employer's recruiters book slots.").ToProblem();
        var result = await mediator.Send(new Command(fairId, employerId, userId, request), ct);
        return result.IsSuccess
            ? TypedResults.Created($"/api/v1/sessions/{result.Value!.Id}", result.Value)
            : (ProblemHttpResult)result.Error!.ToProblem();
    }
}
