using LiveHire.Core.Domain;

namespace LiveHire.UnitTests.Hiring;

public sealed class ApplicationPipelineTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 1, 30, 0, TimeSpan.Zero);

    private static JobApplication Submitted() => JobApplication.Submit(Guid.NewGuid(), Guid.NewGuid(), null, null, Now);

    [Fact]
    public void Application_walks_the_whole_pipeline_to_hired()
    {
        var a = Submitted();
        a.MarkViewed(Now.AddMinutes(1)).ShouldBeTrue();
        foreach (var step in new[] { ApplicationStatus.Shortlisted, ApplicationStatus.Interview, ApplicationStatus.Offer, ApplicationStatus.Hired })
            a.MoveTo(step, null, Now.AddMinutes(2)).IsSuccess.ShouldBeTrue($"to {step}");
        a.Status.ShouldBe(ApplicationStatus.Hired);
        a.UpdatedAt.ShouldBe(Now.AddMinutes(2));
        a.IsFinal.ShouldBeTrue();
    }

    [Fact]
    public void Steps_may_be_skipped_forward_but_never_taken_back()
    {
        var a = Submitted();
        a.MoveTo(ApplicationStatus.Interview, null, Now).IsSuccess.ShouldBeTrue();
        a.MoveTo(ApplicationStatus.Shortlisted, null, Now).Error!.Code.ShouldBe("conflict.application.backwards");
        a.MoveTo(ApplicationStatus.Interview, null, Now).Error!.Code.ShouldBe("conflict.application.backwards");
        a.MarkViewed(Now).ShouldBeFalse("opening it later does not move it back to viewed");
        a.Status.ShouldBe(ApplicationStatus.Interview);
    }

    [Fact]
    public void Hiring_needs_an_offer_first()
    {
        var a = Submitted();
        a.MoveTo(ApplicationStatus.Interview, null, Now);
        a.MoveTo(ApplicationStatus.Hired, null, Now).Error!.Code.ShouldBe("conflict.application.no_offer");
    }

    [Fact]
    public void Rejection_needs_a_reason_and_keeps_it()
    {
        var a = Submitted();
        a.MoveTo(ApplicationStatus.Rejected, "  ", Now).Error!.Code.ShouldBe("validation.application.reason");
        a.MoveTo(ApplicationStatus.Rejected, new string('x', 301), Now).Error!.Code.ShouldBe("validation.application.reason_too_long");
        a.Status.ShouldBe(ApplicationStatus.Submitted);
        a.MoveTo(ApplicationStatus.Rejected, " 岗位已招满 ", Now).IsSuccess.ShouldBeTrue();
        a.StatusReason.ShouldBe("岗位已招满");
    }

    [Fact]
    public void Ended_applications_do_not_move()
    {
        var rejected = Submitted();
        rejected.MoveTo(ApplicationStatus.Rejected, "不合适", Now);
        rejected.MoveTo(ApplicationStatus.Interview, null, Now).Error!.Code.ShouldBe("conflict.application.final");
        rejected.Withdraw(null, Now).Error!.Code.ShouldBe("conflict.application.final");

        var withdrawn = Submitted();
        withdrawn.Withdraw("找到工作了", Now).IsSuccess.ShouldBeTrue();
        withdrawn.StatusReason.ShouldBe("找到工作了");
        withdrawn.MoveTo(ApplicationStatus.Rejected, "x", Now).Error!.Code.ShouldBe("conflict.application.final");
    }

    [Fact]
    public void Only_the_candidate_withdraws()
    {
        var a = Submitted();
        a.MoveTo(ApplicationStatus.Withdrawn, null, Now).Error!.Code.ShouldBe("forbidden");
        a.Withdraw(null, Now.AddHours(1)).IsSuccess.ShouldBeTrue();
        a.Status.ShouldBe(ApplicationStatus.Withdrawn);
        a.StatusReason.ShouldBeNull();
    }

    [Fact]
    public void Candidate_home_needs_a_district_or_a_point_and_a_whole_chain_of_names()
    {
        var id = Guid.NewGuid();
        CandidateHome.Set(id, null, null, null, null, null, Now).Error!.Code.ShouldBe("validation.home.empty");
        CandidateHome.Set(id, "", "杨家坪街道", "", null, null, Now).Error!.Code.ShouldBe("validation.home.district");
        CandidateHome.Set(id, "九龙坡区", "", "民安华福社区", null, null, Now).Error!.Code.ShouldBe("validation.home.street");
        CandidateHome.Set(id, "", null, null, 29.5, null, Now).Error!.Code.ShouldBe("validation.home.point");
        CandidateHome.Set(id, "", null, null, 29.5, 106.5, Now).Value!.ToPlace().ShouldBe(new Place("", "", "", 29.5, 106.5));
        CandidateHome.Set(id, " 九龙坡区 ", "杨家坪街道", "", null, null, Now).Value!.District.ShouldBe("九龙坡区");
    }
}
