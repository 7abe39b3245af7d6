using System.Security.Claims;
using FluentValidation;
using LiveHire.Core.Data;
using LiveHire.Core.Domain;
using LiveHire.Core.Fairs;
using LiveHire.Core.Identity;
using LiveHire.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LiveHire.Web.Features.Fairs;

/// <summary>An organizer starts a fair series (weekly, monthly by weekday or date, or once); its first editions exist at once.</summary>
public static class CreateFairSeries
{
    public sealed record Request(string Title, string? Description, RecurrenceKind Kind, DateOnly FirstDate, TimeOnly LocalStart,
        int DurationMinutes, DayOfWeek? Weekday, int? WeekOfMonth, int? DayOfMonth, DateOnly? LastDate, string? TimeZoneId,
        IReadOnlyList<string>? Districts, IReadOnlyList<TargetGroup>? TargetGroups, IReadOnlyList<string>? Industries,
        IReadOnlyList<int>? ReminderMinutes);

    public sealed record Command(Request Request, Guid OrganizerId) : ICommand<Result<FairSeriesView>>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Request.Title).NotEmpty().MaximumLength(FairSeries.TitleMaxLength).OverridePropertyName("title");
            RuleFor(c => c.Request.DurationMinutes).InclusiveBetween(1, (int)Recurrence.MaxDuration.TotalMinutes).OverridePropertyName("durationMinutes");
            RuleFor(c => c.Request.Kind).IsInEnum().OverridePropertyName("kind");
            // JSON reads a number as a group too (targetGroups: [9]); only the named groups are groups.
            RuleForEach(c => c.Request.TargetGroups).IsInEnum().OverridePropertyName("targetGroups");
        }
    }

    public sealed class Handler(LiveHireDbContext db, FairEditions editions, TimeProvider clock) : ICommandHandler<Command, Result<FairSeriesView>>
    {
        public async ValueTask<Result<FairSeriesView>> Handle(Command command, CancellationToken cancellationToken)
        {
            var r = command.Request;
            var recurrence = new Recurrence(r.Kind, r.FirstDate, r.LocalStart, TimeSpan.FromMinutes(r.DurationMinutes), r.Weekday,
                r.WeekOfMonth, r.DayOfMonth, r.LastDate);
            var created = FairSeries.Create(command.OrganizerId, r.Title, r.Description ?? "", recurrence, r.TimeZoneId ?? Fair.DefaultTimeZone,
                r.Districts ?? [], r.TargetGroups ?? [], r.Industries ?? [], r.ReminderMinutes, clock.GetUtcNow());
            if (!created.IsSuccess) return created.Error!;
            db.FairSeries.Add(created.Value!);
            await db.SaveChangesAsync(cancellationToken);
            var count = await editions.GenerateAsync(created.Value!.Id, cancellationToken);
            return new FairSeriesView(created.Value.Id, created.Value.Title, created.Value.Kind.ToString(), created.Value.TimeZoneId, count);
        }
    }

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/fair-series", Handle)
            .RequireAuthorization(Policies.Organizer)
            .WithName("CreateFairSeries")
            .WithSummary("Start a fair series and generate its first editions (organizers).")
            .ProducesValidationProblem();

    private static async Task<Results<Created<FairSeriesView>, ProblemHttpResult>> Handle(Request request, ClaimsPrincipal user, IMediator mediator, CancellationToken ct)
    {
        if (user.OrganizationIdOf() is not { } organizerId)
            return (ProblemHttpResult)Error.Forbidden("Only an organizer's staff can run fairs.").ToProblem();
        var result = await mediator.Send(new Command(request, organizerId), ct);
        return result.IsSuccess
            ? TypedResults.Created($"/api/v1/fair-series/{result.Value!.Id}", result.Value)
            : (ProblemHttpResult)result.Error!.ToProblem();
    }
}

/// <summary>A series as the API returns it: <paramref name="EditionsGenerated"/> is how many editions this call created.</summary>
public sealed record FairSeriesView(Guid Id, string Title, string Kind, string TimeZoneId, int EditionsGenerated);
