using System.Security.Claims;
using FluentValidation;
using LiveHire.Core.Data;
using LiveHire.Core.Domain;
using LiveHire.Core.Identity;
using LiveHire.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LiveHire.Web.Features.Jobs;

/// <summary>A recruiter posts a job for their employer (from the studio, so it can join the lineup at once).</summary>
public static class CreateJob
{
    /// <summary>Enums by name ("Month", "FullTime"), benefits as a list of names ("SocialInsurance", "Meals").</summary>
    public sealed record Request(string Title, string? Description, decimal PayMin, decimal PayMax, string PayUnit, string? Hours, string Type,
        string District, string? Street, string? Community, double? Latitude, double? Longitude, IReadOnlyList<string>? Benefits, int Headcount);

    public sealed record Command(Guid EmployerId, Request Request) : ICommand<Result<JobView>>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Request.Title).NotEmpty().MaximumLength(Job.TitleMaxLength).OverridePropertyName("title");
            RuleFor(c => c.Request.Description).MaximumLength(Job.DescriptionMaxLength).OverridePropertyName("description");
            RuleFor(c => c.Request.Hours).MaximumLength(80).OverridePropertyName("hours");
            RuleFor(c => c.Request.PayUnit).NotEmpty().IsEnumName(typeof(PayUnit)).OverridePropertyName("payUnit");
            RuleFor(c => c.Request.Type).NotEmpty().IsEnumName(typeof(JobType)).OverridePropertyName("type");
            RuleFor(c => c.Request.District).NotEmpty().MaximumLength(Location.PartMaxLength).OverridePropertyName("district");
            RuleFor(c => c.Request.Street).MaximumLength(Location.PartMaxLength).OverridePropertyName("street");
            RuleFor(c => c.Request.Community).MaximumLength(Location.PartMaxLength).OverridePropertyName("community");
            RuleFor(c => c.Request.Latitude).InclusiveBetween(-90, 90).OverridePropertyName("latitude");
            RuleFor(c => c.Request.Longitude).InclusiveBetween(-180, 180).OverridePropertyName("longitude");
            RuleFor(c => c.Request).Must(r => (r.Latitude is null) == (r.Longitude is null)).OverridePropertyName("latitude")
                .WithMessage("A map point needs both latitude and longitude.");
            RuleForEach(c => c.Request.Benefits).IsEnumName(typeof(Benefits)).NotEqual(nameof(Benefits.None)).OverridePropertyName("benefits");
        }
    }

    public sealed class Handler(LiveHireDbContext db, TimeProvider clock) : ICommandHandler<Command, Result<JobView>>
    {
        public async ValueTask<Result<JobView>> Handle(Command command, CancellationToken cancellationToken)
        {
            var r = command.Request;
            var benefits = (r.Benefits ?? []).Aggregate(Benefits.None, (all, name) => all | Enum.Parse<Benefits>(name));
            var location = Location.Create(r.District, r.Street ?? "", r.Community ?? "", r.Latitude, r.Longitude);
            var created = Job.Create(command.EmployerId, r.Title, r.Description ?? "", r.PayMin, r.PayMax, Enum.Parse<PayUnit>(r.PayUnit),
                r.Hours ?? "", Enum.Parse<JobType>(r.Type), location, benefits, r.Headcount, clock.GetUtcNow());
            if (!created.IsSuccess) return created.Error!;
            db.Jobs.Add(created.Value!);
            await db.SaveChangesAsync(cancellationToken);
            return JobView.From(created.Value!);
        }
    }

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/employers/{employerId:guid}/jobs", Handle)
            .RequireAuthorization(Policies.Recruiter)
            .WithName("CreateJob")
            .WithSummary("Post a job for an employer (its recruiters).")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);

    private static async Task<Results<Created<JobView>, ProblemHttpResult>> Handle(Guid employerId, Request request, ClaimsPrincipal user,
        IMediator mediator, CancellationToken ct)
    {
        if (!user.IsRecruiterOf(employerId))
            return (ProblemHttpResult)Error.Forbidden("Only this employer's recruiters post its jobs.").ToProblem();
        var result = await mediator.Send(new Command(employerId, request), ct);
        return result.IsSuccess
            ? TypedResults.Created($"/api/v1/employers/{employerId}/jobs/{result.Value!.Id}", result.Value)
            : (ProblemHttpResult)result.Error!.ToProblem();
    }
}
