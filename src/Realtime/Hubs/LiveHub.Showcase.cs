using LiveHire.Realtime.Features.LiveRoom;

namespace LiveHire.Realtime.Hubs;

public sealed partial class LiveHub
{
    /// <summary>Hosts (recruiters of the session's employer). Replaces the lineup with open jobs of that employer, in order.</summary>
    public Task<HubResult<ShowcaseView>> SetLineup(Guid sessionId, Guid[]? jobIds, SetLineup.Handler setLineup) =>
        setLineup.Handle(new SetLineup.Command(sessionId, Context.User!, jobIds), Context.ConnectionAborted);

    /// <summary>Hosts. Presents one lineup job as the current job card, or none (null).</summary>
    public Task<HubResult<ShowcaseView>> PresentJob(Guid sessionId, Guid? jobId, PresentJob.Handler presentJob) =>
        presentJob.Handle(new PresentJob.Command(sessionId, Context.User!, jobId), Context.ConnectionAborted);
}
