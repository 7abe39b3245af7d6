using LiveHire.Core.Domain;

namespace LiveHire.UnitTests.Domain;

public sealed class JobTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 1, 30, 0, TimeSpan.Zero);
    private static readonly Location Minhang = Location.Create("闵行区", "浦江镇", "永康城社区", 31.05, 121.51);

    private static Result<Job> Create(decimal payMin = 6000m, decimal payMax = 8000m, int headcount = 3, string title = "数控车床操作工") =>
        Job.Create(Guid.NewGuid(), title, "负责数控车床日常操作", payMin, payMax, PayUnit.Month, "8:00-17:30", JobType.FullTime, Minhang,
            Benefits.SocialInsurance | Benefits.Meals, headcount, Now);

    [Fact]
    public void Valid_job_is_open_with_everything_it_was_given()
    {
        var job = Create().Value!;

        job.Status.ShouldBe(JobStatus.Open);
        job.PayMin.ShouldBe(6000m);
        job.PayMax.ShouldBe(8000m);
        job.Headcount.ShouldBe(3);
        job.Location.ShouldBe(Minhang);
        job.Benefits.ShouldBe(Benefits.SocialInsurance | Benefits.Meals);
        job.CreatedAt.ShouldBe(Now);
        job.VerifiedAt.ShouldBeNull();
    }

    [Fact]
    public void Fixed_pay_is_a_range_of_one_value()
    {
        Create(payMin: 200m, payMax: 200m).IsSuccess.ShouldBeTrue();
    }

    [Fact]
    public void Unpaid_minimum_is_allowed()
    {
        // Piecework can start at nothing guaranteed.
        Create(payMin: 0m, payMax: 5000m).IsSuccess.ShouldBeTrue();
    }

    [Fact]
    public void Negative_pay_is_refused()
    {
        Create(payMin: -1m, payMax: 5000m).Error!.Code.ShouldBe("validation.job.pay");
    }

    [Fact]
    public void Maximum_pay_below_the_minimum_is_refused()
    {
        Create(payMin: 8000m, payMax: 7999.99m).Error!.Code.ShouldBe("validation.job.pay");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Job_needs_at_least_one_opening(int headcount)
    {
        Create(headcount: headcount).Error!.Code.ShouldBe("validation.job.headcount");
    }

    [Fact]
    public void Single_opening_is_allowed()
    {
        Create(headcount: 1).Value!.Headcount.ShouldBe(1);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void Job_needs_a_title(string title)
    {
        Create(title: title).Error!.Code.ShouldBe("validation.job.title");
    }

    [Fact]
    public void Verified_mark_keeps_the_first_review_time()
    {
        var job = Create().Value!;

        job.MarkVerified(Now.AddHours(1));
        job.MarkVerified(Now.AddHours(2));

        job.VerifiedAt.ShouldBe(Now.AddHours(1));
    }

    [Theory]
    [InlineData(0.355, 0.5)]
    [InlineData(20, 25.125)]
    public void Pay_finer_than_a_fen_is_refused(double min, double max)
    {
        Create(payMin: (decimal)min, payMax: (decimal)max).Error!.Code.ShouldBe("validation.job.pay_precision");
    }

    [Fact]
    public void Piece_rate_in_fen_is_allowed()
    {
        Create(payMin: 0.35m, payMax: 0.5m).IsSuccess.ShouldBeTrue();
    }

    [Fact]
    public void Revising_the_offer_clears_the_verified_mark()
    {
        var job = Create().Value!;
        job.MarkVerified(Now);

        job.Revise("数控车床操作工", "", 6500m, 8500m, PayUnit.Month, "8:00-17:30", JobType.FullTime, Minhang, Benefits.SocialInsurance | Benefits.Meals, 3)
            .IsSuccess.ShouldBeTrue();

        job.PayMin.ShouldBe(6500m);
        job.VerifiedAt.ShouldBeNull("an organizer must review the new pay");
    }

    [Fact]
    public void Revising_wording_hours_or_headcount_keeps_the_verified_mark()
    {
        var job = Create().Value!;
        job.MarkVerified(Now);

        job.Revise("数控车床操作工", "新的说明", 6000m, 8000m, PayUnit.Month, "8:30-18:00", JobType.FullTime, Minhang, Benefits.SocialInsurance | Benefits.Meals, 5)
            .IsSuccess.ShouldBeTrue();

        job.Headcount.ShouldBe(5);
        job.VerifiedAt.ShouldBe(Now);
    }

    [Fact]
    public void Invalid_revision_changes_nothing()
    {
        var job = Create().Value!;

        job.Revise("数控车床操作工", "", 9000m, 8000m, PayUnit.Month, "", JobType.FullTime, Minhang, Benefits.None, 3)
            .Error!.Code.ShouldBe("validation.job.pay");

        job.PayMin.ShouldBe(6000m);
        job.Benefits.ShouldBe(Benefits.SocialInsurance | Benefits.Meals);
    }
}
