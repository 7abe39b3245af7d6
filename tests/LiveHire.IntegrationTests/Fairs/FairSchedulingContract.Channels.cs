using LiveHire.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace LiveHire.IntegrationTests.Fairs;

/// <summary>Reminders go only by the channels the candidate chose; the notification centre always gets them.</summary>
public abstract partial class FairSchedulingContract
{
    private async Task ChooseChannelsAsync(Guid registrationId, MessageChannels channels, string? email = null)
    {
        await using var db = NewContext();
        var candidateId = await db.FairRegistrations.Where(r => r.Id == registrationId).Select(r => r.CandidateId).SingleAsync(Ct);
        var candidate = await db.Users.SingleAsync(u => u.Id == candidateId, Ct);
        candidate.Email = email;
        candidate.ChooseChannels(channels).IsSuccess.ShouldBeTrue();
        await db.SaveChangesAsync(Ct);
    }

    [Fact]
    public async Task A_candidate_who_did_not_choose_SMS_gets_no_text_message_but_still_the_in_app_reminder()
    {
        var (_, registrationId) = await RegisteredCandidateAsync();
        await ChooseChannelsAsync(registrationId, MessageChannels.None);
        clock.SetUtcNow(new DateTimeOffset(2026, 11, 27, 1, 0, 0, TimeSpan.Zero)); // a day before

        (await DispatchAsync()).ShouldBe(1);

        (await DeliveredAsync()).ShouldBe((1, 0, 1L), "in-app and live, no SMS");
    }

    [Fact]
    public async Task A_candidate_who_chose_email_only_gets_one_email_with_the_fairs_calendar_and_no_text_message()
    {
        var (_, registrationId) = await RegisteredCandidateAsync();
        await ChooseChannelsAsync(registrationId, MessageChannels.Email, "li@example.org");
        clock.SetUtcNow(new DateTimeOffset(2026, 11, 27, 1, 0, 0, TimeSpan.Zero));

        await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(DispatchAsync, Ct)));

        await using var db = NewContext();
        var mail = await db.Outbox.SingleAsync(m => m.Channel == MessageChannel.Email, Ct);
        mail.Recipient.ShouldBe("li@example.org");
        mail.Subject.ShouldBe("招聘会提醒：「每周一聘」");
        mail.Body.ShouldContain("11月28日 09:00");
        mail.Body.ShouldContain("fair.ics · text/calendar");
        (await db.Outbox.CountAsync(m => m.Channel == MessageChannel.Sms, Ct)).ShouldBe(0);
    }
}
