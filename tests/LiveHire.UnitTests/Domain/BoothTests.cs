using LiveHire.Core.Domain;

namespace LiveHire.UnitTests.Domain;

public sealed class BoothTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 1, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Nine = new(2026, 3, 3, 1, 0, 0, TimeSpan.Zero);
    private readonly Guid recruiter = Guid.NewGuid();
    private readonly Guid organizerUser = Guid.NewGuid();
    private readonly Organization employer = Organization.Create("渝味食品", OrganizationKind.Employer, "九龙坡区", Now);
    private readonly Fair fair = Fair.Create(Guid.NewGuid(), "每周一聘", "", "九龙坡区", Nine, Nine.AddHours(3), Now).Value!;

    private Booth Approved(Organization? who = null, int approvedSoFar = 0)
    {
        who ??= employer;
        var booth = Booth.Apply(fair, who, recruiter, Now).Value!;
        booth.Approve(fair, who, approvedSoFar, organizerUser, Now).IsSuccess.ShouldBeTrue();
        return booth;
    }

    private LiveSession Slot(Booth booth, List<LiveSession> timetable, int fromMinute, int minutes)
    {
        var booked = booth.BookSlot(fair, timetable, "直播带岗", Nine.AddMinutes(fromMinute), Nine.AddMinutes(fromMinute + minutes), recruiter, Now);
        booked.IsSuccess.ShouldBeTrue(booked.Error?.Message);
        timetable.Add(booked.Value!);
        return booked.Value!;
    }

    [Fact]
    public void Approving_verifies_the_employer_and_is_refused_once_the_fair_is_full()
    {
        fair.SetTimetable(boothCapacity: 1, stages: 1, slotMinutes: 30, approvedBooths: 0, peakSessions: 0).IsSuccess.ShouldBeTrue();
        Approved();
        employer.VerifiedAt.ShouldBe(Now);
        var other = Organization.Create("山城物流", OrganizationKind.Employer, "沙坪坝区", Now);
        var second = Booth.Apply(fair, other, recruiter, Now).Value!;

        second.Approve(fair, other, approvedBooths: 1, organizerUser, Now).Error!.Code.ShouldBe("conflict.booth.capacity");
        other.VerifiedAt.ShouldBeNull();
    }

    [Fact]
    public void Declining_needs_a_reason_and_a_declined_employer_may_apply_again()
    {
        var booth = Booth.Apply(fair, employer, recruiter, Now).Value!;
        booth.Decline("  ", organizerUser, Now).Error!.Code.ShouldBe("validation.booth.reason");
        booth.Decline("缺少营业执照", organizerUser, Now).IsSuccess.ShouldBeTrue();
        booth.Approve(fair, employer, 0, organizerUser, Now).Error!.Code.ShouldBe("conflict.booth.not_applied");

        booth.Reapply(fair, recruiter, Now).IsSuccess.ShouldBeTrue();

        booth.Status.ShouldBe(BoothStatus.Applied);
        booth.DeclineReason.ShouldBeNull();
    }

    [Fact]
    public void A_booths_slots_never_overlap_but_may_be_back_to_back()
    {
        var booth = Approved();
        fair.SetTimetable(20, stages: 3, 30, 1, 0).IsSuccess.ShouldBeTrue();
        var timetable = new List<LiveSession>();
        Slot(booth, timetable, 0, 60);

        booth.BookSlot(fair, timetable, "又一场", Nine.AddMinutes(30), Nine.AddMinutes(90), recruiter, Now).Error!.Code.ShouldBe("conflict.slot.overlap");
        Slot(booth, timetable, 60, 30);
    }

    [Fact]
    public void Stages_are_never_exceeded_at_any_instant_and_a_cancelled_slot_frees_its_stage()
    {
        fair.SetTimetable(20, stages: 2, 30, 0, 0).IsSuccess.ShouldBeTrue();
        var booths = Enumerable.Range(0, 3).Select(i => Approved(Organization.Create($"企业{i}", OrganizationKind.Employer, "", Now), i)).ToList();
        var timetable = new List<LiveSession>();
        var first = Slot(booths[0], timetable, 0, 60);
        Slot(booths[1], timetable, 30, 60);

        booths[2].BookSlot(fair, timetable, "第三场", Nine.AddMinutes(30), Nine.AddMinutes(60), recruiter, Now).Error!.Code.ShouldBe("conflict.slot.stages_full");
        Slot(booths[2], timetable, 60, 30); // 10:00-10:30: the first slot has ended, so two are on air

        first.Cancel().IsSuccess.ShouldBeTrue();
        Slot(booths[2], timetable, 0, 30);
    }

    [Fact]
    public void Slots_lie_within_the_fairs_hours_on_its_grid()
    {
        var booth = Approved();
        var timetable = new List<LiveSession>();

        booth.BookSlot(fair, timetable, "早场", Nine.AddMinutes(-30), Nine.AddMinutes(30), recruiter, Now).Error!.Code.ShouldBe("validation.slot.outside_fair");
        booth.BookSlot(fair, timetable, "错位", Nine.AddMinutes(10), Nine.AddMinutes(40), recruiter, Now).Error!.Code.ShouldBe("validation.slot.grid");
        booth.BookSlot(fair, timetable, "整点", Nine.AddMinutes(150), Nine.AddMinutes(180), recruiter, Now).IsSuccess.ShouldBeTrue();
    }

    [Fact]
    public void Capacity_and_stages_never_drop_below_what_is_granted()
    {
        fair.SetTimetable(5, 2, 30, approvedBooths: 3, peakSessions: 2).IsSuccess.ShouldBeTrue();

        fair.SetTimetable(2, 2, 30, approvedBooths: 3, peakSessions: 2).Error!.Code.ShouldBe("conflict.fair.capacity_below_approved");
        fair.SetTimetable(5, 1, 30, approvedBooths: 3, peakSessions: 2).Error!.Code.ShouldBe("conflict.fair.stages_below_booked");
        fair.SetTimetable(5, 2, 25, approvedBooths: 3, peakSessions: 2).Error!.Code.ShouldBe("validation.fair.slot_minutes");
    }

    [Fact]
    public void Only_an_approved_booth_books_and_each_booking_raises_the_timetable_version()
    {
        var pending = Booth.Apply(fair, employer, recruiter, Now).Value!;
        pending.BookSlot(fair, [], "直播", Nine, Nine.AddMinutes(30), recruiter, Now).Error!.Code.ShouldBe("conflict.booth.not_approved");
        var version = fair.TimetableVersion;

        pending.Approve(fair, employer, 0, organizerUser, Now);
        Slot(pending, [], 0, 30);

        fair.TimetableVersion.ShouldBe(version + 2, "approving and booking both use up room a concurrent request must not also use");
    }
}
