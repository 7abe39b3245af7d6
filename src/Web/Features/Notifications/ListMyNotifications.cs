using System.Security.Claims;
using LiveHire.Core.Data;
using LiveHire.Core.Identity;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace LiveHire.Web.Features.Notifications;

/// <summary>The signed-in person's notification centre: newest first, with the unread count. Anyone signed in, for themselves only.</summary>
public static class ListMyNotifications
{
    public sealed record Query(Guid UserId, int Take = 30) : IQuery<Inbox>;

    public sealed class Handler(LiveHireDbContext db) : IQueryHandler<Query, Inbox>
    {
        public async ValueTask<Inbox> Handle(Query query, CancellationToken cancellationToken)
        {
            var mine = db.Notifications.AsNoTracking().Where(n => n.UserId == query.UserId);
            var items = await mine.OrderByDescending(n => n.CreatedAt).Take(Math.Clamp(query.Take, 1, 100))
                .Select(n => new InboxItem(n.Id, n.Kind.ToString(), n.Title, n.Body, n.Link, n.CreatedAt, n.ReadAt != null))
                .ToListAsync(cancellationToken);
            return new Inbox(await mine.CountAsync(n => n.ReadAt == null, cancellationToken), items);
        }
    }

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/notifications", async (ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
                user.UserId() is { } userId ? Results.Ok(await mediator.Send(new Query(userId), ct)) : Results.Unauthorized())
            .RequireAuthorization()
            .WithName("ListMyNotifications")
            .WithSummary("My notifications, newest first, and how many are unread (anyone signed in).");
}

public sealed record Inbox(int Unread, IReadOnlyList<InboxItem> Items);

public sealed record InboxItem(Guid Id, string Kind, string Title, string Body, string? Link, DateTimeOffset CreatedAt, bool Read);
