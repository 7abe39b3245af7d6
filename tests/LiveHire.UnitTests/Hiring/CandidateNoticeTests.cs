using LiveHire.Core.Domain;
using LiveHire.Web.Features.Hiring;
using LiveHire.Web.Pages.Studio;

namespace LiveHire.UnitTests.Hiring;

public sealed class CandidateNoticeTests
{
    [Theory]
    [InlineData(ApplicationStatus.Shortlisted, "初筛")]
    [InlineData(ApplicationStatus.Interview, "面试")]
    [InlineData(ApplicationStatus.Offer, "录用意向")]
    [InlineData(ApplicationStatus.Hired, "录用")]
    public void Steps_the_candidate_must_act_on_are_sent_with_job_and_employer(ApplicationStatus status, string says)
    {
        var (title, text) = CandidateNotice.Message(status, "食品包装工", "重庆渝味食品有限公司", null)!.Value;
        title.ShouldNotBeNullOrWhiteSpace();
        text.ShouldContain(says);
        text.ShouldContain("食品包装工");
        text.ShouldContain("重庆渝味食品有限公司");
    }

    [Fact]
    public void A_rejection_text_carries_the_employers_reason()
    {
        CandidateNotice.Message(ApplicationStatus.Rejected, "保安", "某物业", "岗位已招满")!.Value.Body.ShouldContain("岗位已招满");
    }

    [Theory]
    [InlineData(ApplicationStatus.Submitted)]
    [InlineData(ApplicationStatus.Viewed)]
    [InlineData(ApplicationStatus.Withdrawn)]
    public void Being_seen_or_withdrawing_is_not_worth_a_message(ApplicationStatus status)
    {
        CandidateNotice.Message(status, "保安", "某物业", null).ShouldBeNull();
    }

    [Fact]
    public void The_board_offers_only_moves_the_application_allows()
    {
        BoardModel.NextSteps("Viewed").ShouldBe([ApplicationStatus.Shortlisted, ApplicationStatus.Interview, ApplicationStatus.Offer, ApplicationStatus.Rejected]);
        BoardModel.NextSteps("Offer").ShouldBe([ApplicationStatus.Hired, ApplicationStatus.Rejected]);
        BoardModel.NextSteps("Withdrawn").ShouldBeEmpty();
    }
}
