using System.Security.Claims;
using LiveHire.Core.Data;
using LiveHire.Core.Domain;
using LiveHire.Core.Identity;
using LiveHire.Realtime.Hubs;
using Microsoft.AspNetCore.SignalR;

namespace LiveHire.Realtime.Features.LiveRoom;

/// <summary>
/// Who may act on a session's questions. The host (a recruiter of the session's employer) runs the Q&amp;A: answers,
/// pins and sets moderation. Admins may also keep any room safe (approve, hide, restore, ban) but do not speak for
/// the employer. Organizers schedule sessions but do not moderate them: the employer owns its room (docs/realtime.md).
/// </summary>
internal static class QuestionAccess
{
    public enum Duty { Host, Moderate }

    public static Error? Check(ClaimsPrincipal caller, LiveSession session, Duty duty)
    {
        if (caller.UserId() is null) return new Error("auth.required", "Sign in to moderate questions.");
        if (caller.IsRecruiterOf(session.EmployerId)) return null;
        if (duty == Duty.Moderate && caller.IsInRole(Roles.Admin)) return null;
        return Error.Forbidden(duty == Duty.Host
            ? "Only the session's host (a recruiter of its employer) may do this."
            : "Only the session's host or an admin may moderate questions.");
    }

    /// <summary>The session and one of its questions, tracked for a change, after the caller's rights are checked.</summary>
    public static async Task<(LiveSession? Session, Question? Question, Error? Error)> LoadAsync(LiveHireDbContext db, ClaimsPrincipal caller,
        Guid sessionId, Guid questionId, Duty duty, CancellationToken ct)
    {
        if (caller.UserId() is null) return (null, null, new Error("auth.required", "Sign in to moderate questions."));
        var session = await db.LiveSessions.FindAsync([sessionId], ct);
        if (session is null) return (null, null, Error.NotFound("Session"));
        if (Check(caller, session, duty) is { } denied) return (null, null, denied);
        var question = await db.Questions.FindAsync([questionId], ct);
        // A question of another session is "not found" here, so ids from one room cannot touch another.
        if (question is null || question.SessionId != sessionId) return (null, null, Error.NotFound("Question"));
        return (session, question, null);
    }
}

/// <summary>Sends a changed question to exactly those who may see it.</summary>
internal static class QuestionBroadcast
{
    public static async Task ChangedAsync(IHubContext<LiveHub, ILiveClient> hub, QuestionView view)
    {
        var room = LiveGroups.Session(view.SessionId);
        var hosts = LiveGroups.Hosts(view.SessionId);
        switch (view.Status)
        {
            case nameof(QuestionStatus.Visible):
                await hub.Clients.Group(room).QuestionUpdated(view);
                break;
            case nameof(QuestionStatus.Pending):
                await hub.Clients.Group(hosts).QuestionUpdated(view);
                break;
            default:
                // Viewers drop it; hosts (also in the room group, and told to ignore removals) keep it, marked hidden, to restore.
                await hub.Clients.Group(room).QuestionRemoved(new QuestionRemovedView(view.SessionId, view.Id));
                await hub.Clients.Group(hosts).QuestionUpdated(view);
                break;
        }
    }
}
