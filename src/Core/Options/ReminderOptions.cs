using System.ComponentModel.DataAnnotations;

namespace LiveHire.Core.Options;

/// <summary>Reminder delivery settings, bound from "LiveHire:Reminders" and validated at start-up.</summary>
public sealed class ReminderOptions
{
    public const string Section = "LiveHire:Reminders";

    /// <summary>
    /// How often each job server looks for reminders and staff notices that have come due (one indexed read), so they go
    /// out within seconds of their time; the minutely jobs stay the safety net.
    /// </summary>
    [Range(1, 60, ErrorMessage = "LiveHire:Reminders:PollSeconds must be 1 to 60 seconds.")]
    public int PollSeconds { get; set; } = 5;

    public TimeSpan Poll => TimeSpan.FromSeconds(PollSeconds);
}
