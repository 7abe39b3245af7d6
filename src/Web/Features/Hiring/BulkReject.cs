using System.Security.Claims;
using FluentValidation;
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

/// <summary>
/// A recruiter rejects several applications at once with one message each candidate is told. Applications of other
/// employers, and ones already ended (hired, rejected, withdrawn), are skipped and counted, never an error for the rest.
/// </summary>
public static class BulkReject
{
    public const int MaxApplications = 200;

    public sealed record Request(IReadOnlyList<Guid> ApplicationIds, string Message);

    public sealed record Command(Guid EmployerId, Request Request) : ICommand<Rejected>;

    public sealed record Rejected(int Count, int Skipped);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Request.ApplicationIds).NotEmpty().Must(ids => ids.Count <= MaxApplications).OverridePropertyName("applicationIds")
                .WithMessage($"Reject 1 to {MaxApplications} applications at a time.");
            RuleFor(c => c.Request.Message).NotEmpty().MaximumLength(JobApplication.ReasonMaxLength).OverridePropertyName("message");
        }
    }

    public sealed class Handler(LiveHireDbContext db, ILiveNotifier notifier, ChannelDelivery channels, TimeProvider clock) : ICommandHandler<Command, Rejected>
    {
        public async ValueTask<Rejected> Handle(Command command, CancellationToken cancellationToken)
        {
            var ids = command.Request.ApplicationIds.Distinct().ToList();
            var applications = await db.Applications.Where(a => ids.Contains(a.Id) && a.Job!.EmployerId == command.EmployerId).ToListAsync(cancellationToken);
            var now = clock.GetUtcNow();
            var rejected = applications.Where(a => a.MoveTo(ApplicationStatus.Rejected, command.Request.Message, now).IsSuccess).ToList();
            await db.SaveChangesAsync(cancellationToken);
            foreach (var application in rejected) await CandidateNotice.SendAsync(db, notifier, channels, application, cancellationToken);
            return new Rejected(rejected.Count, ids.Count - rejected.Count);
        }
    }

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/employers/{employerId:guid}/applications/reject",
                async Task<Results<Ok<Rejected>, ProblemHttpResult>> (Guid employerId, Request request, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
                    user.IsRecruiterOf(employerId)
                        ? TypedResults.Ok(await mediator.Send(new Command(employerId, request), ct))
                        : (ProblemHttpResult)Error.Forbidden("Only this employer's recruiters reject its applications.").ToProblem())
            .RequireAuthorization(Policies.Recruiter)
            .WithName("BulkReject")
            .WithSummary("Reject several applications with one message to each candidate (the employer's recruiters).")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);
}
