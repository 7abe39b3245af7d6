using LiveHire.Core.Data;
using LiveHire.Core.Domain;
using LiveHire.Core.Messaging;
using LiveHire.Core.Ports;
using Microsoft.EntityFrameworkCore;

namespace LiveHire.Web.Features.Hiring;

/// <summary>
/// Tells a candidate their application moved: live on every screen they have open, and by the channels they chose (SMS,
/// e-mail) for the steps that need them to act or that end the application (a "viewed" is not worth a message).
/// </summary>
public static class CandidateNotice
{
    public static async Task SendAsync(LiveHireDbContext db, ILiveNotifier notifier, ChannelDelivery channels, JobApplication application,
        CancellationToken ct)
    {
        var about = await db.Applications.AsNoTracking().Where(a => a.Id == application.Id)
            .Select(a => new { a.Job!.Title, Employer = a.Job.Employer!.Name })
            .SingleAsync(ct);
        await notifier.PublishAsync(new ApplicationStatusChanged(application.CandidateId, application.Id, application.JobId, about.Title, about.Employer,
            application.Status.ToString(), application.StatusReason, application.UpdatedAt), ct);
        if (Message(application.Status, about.Title, about.Employer, application.StatusReason) is { } message)
            await channels.SendAsync(application.CandidateId, message.Title, message.Body, null, ct);
    }

    /// <summary>The message for a status (an SMS reads "【LiveHire】title：body"), or null when it is not worth one. Chinese: it is sent once.</summary>
    public static (string Title, string Body)? Message(ApplicationStatus status, string jobTitle, string employer, string? reason) => status switch
    {
        ApplicationStatus.Shortlisted => ("已通过初筛", $"您投递的「{jobTitle}」（{employer}）已通过初筛，请留意后续面试通知。"),
        ApplicationStatus.Interview => ("面试邀请", $"{employer}邀请您面试「{jobTitle}」，请登录查看详情。"),
        ApplicationStatus.Offer => ("录用意向", $"恭喜！{employer}向您发出「{jobTitle}」录用意向，请登录查看。"),
        ApplicationStatus.Hired => ("已被录用", $"您已被{employer}录用为「{jobTitle}」，祝工作顺利！"),
        ApplicationStatus.Rejected => ("投递结果", $"很遗憾，您投递的「{jobTitle}」（{employer}）未通过：{reason}。还有更多家门口的岗位等您。"),
        _ => null,
    };
}
