using System.Security.Claims;
using LiveHire.Core.Data;
using LiveHire.Core.Domain;
using LiveHire.Core.Identity;
using LiveHire.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace LiveHire.Web.Features.Settings;

/// <summary>
/// Where a person's reminders and notices go besides the notification centre, which always gets them: SMS, e-mail, both
/// or neither. Anyone signed in, for themselves only (recruiters' go-live reminders and organizers' digests follow it too).
/// </summary>
public static class MySettings
{
    public sealed record Request(bool Sms, bool Email);

    public sealed record Query(Guid UserId) : IQuery<SettingsView>;

    public sealed record Command(Guid UserId, Request Request) : ICommand<Result<SettingsView>>;

    public sealed class QueryHandler(LiveHireDbContext db) : IQueryHandler<Query, SettingsView>
    {
        public async ValueTask<SettingsView> Handle(Query query, CancellationToken cancellationToken) =>
            View(await db.Users.AsNoTracking().FirstAsync(u => u.Id == query.UserId, cancellationToken));
    }

    public sealed class CommandHandler(LiveHireDbContext db) : ICommandHandler<Command, Result<SettingsView>>
    {
        public async ValueTask<Result<SettingsView>> Handle(Command command, CancellationToken cancellationToken)
        {
            var user = await db.Users.FirstAsync(u => u.Id == command.UserId, cancellationToken);
            var channels = (command.Request.Sms ? MessageChannels.Sms : MessageChannels.None) | (command.Request.Email ? MessageChannels.Email : MessageChannels.None);
            if (user.ChooseChannels(channels) is { IsSuccess: false } failed) return failed.Error!;
            await db.SaveChangesAsync(cancellationToken);
            return View(user);
        }
    }

    private static SettingsView View(User user) => new(user.Wants(MessageChannels.Sms), user.Wants(MessageChannels.Email),
        user.PhoneNumber, user.Email);

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/me/settings", async (ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new Query(user.UserId()!.Value), ct)))
            .RequireAuthorization()
            .WithName("GetMySettings")
            .WithSummary("How my reminders and notices reach me besides the notification centre (anyone signed in).");
        api.MapPut("/me/settings", async Task<Results<Ok<SettingsView>, ProblemHttpResult>> (Request request, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
            {
                var result = await mediator.Send(new Command(user.UserId()!.Value, request), ct);
                return result.IsSuccess ? TypedResults.Ok(result.Value!) : (ProblemHttpResult)result.Error!.ToProblem();
            })
            .RequireAuthorization()
            .WithName("ChangeMySettings")
            .WithSummary("Choose SMS and/or e-mail for my reminders and notices; a channel without its phone number or address is refused (anyone signed in).")
            .ProducesValidationProblem();
    }
}

/// <summary>The chosen channels and the addresses they go to (null when unknown, which is why a channel may be refused).</summary>
public sealed record SettingsView(bool Sms, bool Email, string? PhoneNumber, string? EmailAddress);
