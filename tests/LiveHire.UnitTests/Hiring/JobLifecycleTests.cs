using LiveHire.Core.Domain;

namespace LiveHire.UnitTests.Hiring;

public sealed class JobLifecycleTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 1, 30, 0, TimeSpan.Zero);

    private static Job NewJob(decimal payMax = 25m, PayUnit unit = PayUnit.Hour) =>
        Job.Create(Guid.NewGuid(), "门店营业员（宝妈岗）", "Cashier, part-time", payMax / 2, payMax, unit, "9:30-15:00", JobType.PartTime,
            Location.Create("九龙坡区", "谢家湾街道", "华润社区", 29.521, 106.520), Benefits.Meals, 6, Now).Value!;

    [Fact]
    public void Paused_job_reopens_and_a_closed_job_stays_closed()
    {
        var job = NewJob();

        job.Pause().IsSuccess.ShouldBeTrue();
        job.Status.ShouldBe(JobStatus.Paused);
        job.Pause().Error!.Code.ShouldBe("conflict.job.status");
        job.Reopen().IsSuccess.ShouldBeTrue();
        job.Status.ShouldBe(JobStatus.Open);
        job.Close().IsSuccess.ShouldBeTrue();
        job.Reopen().Error!.Code.ShouldBe("conflict.job.status");
        job.Close().Error!.Code.ShouldBe("conflict.job.closed");
        job.Status.ShouldBe(JobStatus.Closed);
    }

    [Fact]
    public void Only_an_open_job_can_be_paused()
    {
        var job = NewJob();
        job.Close();

        job.Pause().IsSuccess.ShouldBeFalse();
        job.Status.ShouldBe(JobStatus.Closed);
    }

    [Fact]
    public void Organizer_can_revoke_the_verified_mark_and_grant_it_again()
    {
        var job = NewJob();
        job.MarkVerified(Now);
        job.RevokeVerification();
        job.VerifiedAt.ShouldBeNull();
        job.MarkVerified(Now.AddHours(1));
        job.VerifiedAt.ShouldBe(Now.AddHours(1));
    }

    [Fact]
    public void Groups_are_kept_and_do_not_touch_the_verified_mark()
    {
        var job = NewJob();
        job.MarkVerified(Now);
        job.SetGroups(SuitableGroups.Mothers | SuitableGroups.Older);
        job.Groups.ShouldBe(SuitableGroups.Mothers | SuitableGroups.Older);
        job.VerifiedAt.ShouldBe(Now);
    }

    [Theory]
    [InlineData(25, PayUnit.Hour, 4350)]
    [InlineData(200, PayUnit.Day, 4350)]
    [InlineData(6000, PayUnit.Month, 6000)]
    public void Pay_is_compared_per_month_at_2175_days_of_8_hours(decimal payMax, PayUnit unit, decimal monthly)
    {
        NewJob(payMax, unit).MonthlyPayMax.ShouldBe(monthly);
    }

    [Fact]
    public void Piece_rates_have_no_monthly_figure()
    {
        NewJob(0.5m, PayUnit.Piece).MonthlyPayMax.ShouldBeNull();
    }

    [Fact]
    public void Search_text_holds_title_place_and_description_folded()
    {
        var job = NewJob();
        job.SearchText.ShouldBe("门店营业员 宝妈岗 九龙坡区 谢家湾街道 华润社区 cashier part time");
    }
}
