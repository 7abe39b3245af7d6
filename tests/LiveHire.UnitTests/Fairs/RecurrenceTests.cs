using LiveHire.Core.Domain;
using Microsoft.Extensions.Time.Testing;

namespace LiveHire.UnitTests.Fairs;

/// <summary>When fair editions happen: local calendar rules, in Beijing time and in a zone with daylight saving.</summary>
public sealed class RecurrenceTests
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
    private static readonly TimeOnly NineAm = new(9, 0);
    private static readonly TimeSpan ThreeHours = TimeSpan.FromHours(3);

    // Wednesday 25 November 2026, 10:00 in Beijing: this morning's 09:00 fair has already started.
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 11, 25, 2, 0, 0, TimeSpan.Zero));

    private static DateTimeOffset Utc(int y, int m, int d, int h, int min = 0) => new(y, m, d, h, min, 0, TimeSpan.Zero);

    [Fact]
    public void Weekly_fair_in_Beijing_starts_at_nine_local_each_week_and_skips_one_already_started()
    {
        var weekly = Recurrence.Weekly(DayOfWeek.Wednesday, new DateOnly(2026, 11, 4), NineAm, ThreeHours);

        var upcoming = weekly.Upcoming(clock.GetUtcNow(), TimeSpan.FromDays(21), Shanghai);

        upcoming.Select(o => o.StartsAt).ShouldBe([Utc(2026, 12, 2, 1), Utc(2026, 12, 9, 1), Utc(2026, 12, 16, 1)]);
        upcoming.Select(o => o.Date).ShouldBe([new DateOnly(2026, 12, 2), new DateOnly(2026, 12, 9), new DateOnly(2026, 12, 16)]);
    }

    [Fact]
    public void Weekly_fair_later_today_is_upcoming_until_it_starts()
    {
        var weekly = Recurrence.Weekly(DayOfWeek.Wednesday, new DateOnly(2026, 11, 4), new TimeOnly(14, 0), ThreeHours);

        weekly.Upcoming(clock.GetUtcNow(), TimeSpan.FromDays(1), Shanghai).Single().StartsAt.ShouldBe(Utc(2026, 11, 25, 6));
        clock.Advance(TimeSpan.FromHours(4));
        weekly.Upcoming(clock.GetUtcNow(), TimeSpan.FromDays(1), Shanghai).ShouldBeEmpty();
    }

    [Fact]
    public void Market_day_on_the_first_Saturday_of_each_month()
    {
        var marketDay = Recurrence.MonthlyOnWeekday(1, DayOfWeek.Saturday, new DateOnly(2026, 1, 1), NineAm, ThreeHours);

        marketDay.Dates(new DateOnly(2026, 11, 25), new DateOnly(2027, 2, 28))
            .ShouldBe([new DateOnly(2026, 12, 5), new DateOnly(2027, 1, 2), new DateOnly(2027, 2, 6)]);
    }

    [Fact]
    public void Last_Friday_of_the_month_is_found_from_the_months_end()
    {
        var lastFriday = Recurrence.MonthlyOnWeekday(-1, DayOfWeek.Friday, new DateOnly(2026, 1, 1), NineAm, ThreeHours);

        lastFriday.Dates(new DateOnly(2026, 12, 1), new DateOnly(2027, 1, 31)).ShouldBe([new DateOnly(2026, 12, 25), new DateOnly(2027, 1, 29)]);
    }

    [Fact]
    public void Monthly_on_the_31st_falls_on_the_last_day_of_shorter_months()
    {
        var monthEnd = Recurrence.MonthlyOnDate(31, new DateOnly(2026, 11, 1), NineAm, ThreeHours);

        monthEnd.Dates(new DateOnly(2026, 11, 1), new DateOnly(2027, 2, 28))
            .ShouldBe([new DateOnly(2026, 11, 30), new DateOnly(2026, 12, 31), new DateOnly(2027, 1, 31), new DateOnly(2027, 2, 28)]);
    }

    [Fact]
    public void One_off_fair_happens_once_and_not_after_it_starts()
    {
        var campus = Recurrence.Once(new DateOnly(2026, 12, 12), NineAm, ThreeHours);

        campus.Upcoming(clock.GetUtcNow(), TimeSpan.FromDays(56), Shanghai).Single().StartsAt.ShouldBe(Utc(2026, 12, 12, 1));
        clock.SetUtcNow(Utc(2026, 12, 12, 1, 1));
        campus.Upcoming(clock.GetUtcNow(), TimeSpan.FromDays(56), Shanghai).ShouldBeEmpty();
    }

    [Fact]
    public void Series_stops_after_its_last_date_and_never_starts_before_its_first()
    {
        var weekly = Recurrence.Weekly(DayOfWeek.Wednesday, new DateOnly(2026, 12, 9), NineAm, ThreeHours) with { LastDate = new DateOnly(2026, 12, 23) };

        weekly.Upcoming(clock.GetUtcNow(), TimeSpan.FromDays(56), Shanghai).Select(o => o.Date)
            .ShouldBe([new DateOnly(2026, 12, 9), new DateOnly(2026, 12, 16), new DateOnly(2026, 12, 23)]);
    }

    [Fact]
    public void Saturday_ten_oclock_in_Berlin_keeps_local_time_across_the_spring_change()
    {
        var weekly = Recurrence.Weekly(DayOfWeek.Saturday, new DateOnly(2027, 1, 2), new TimeOnly(10, 0), ThreeHours);
        clock.SetUtcNow(Utc(2027, 3, 15, 0));

        weekly.Upcoming(clock.GetUtcNow(), TimeSpan.FromDays(20), Berlin).Select(o => o.StartsAt)
            .ShouldBe([Utc(2027, 3, 20, 9), Utc(2027, 3, 27, 9), Utc(2027, 4, 3, 8)], "10:00 CET is 09:00 UTC; 10:00 CEST is 08:00 UTC");
    }

    [Fact]
    public void Saturday_ten_oclock_in_Berlin_keeps_local_time_across_the_autumn_change()
    {
        var weekly = Recurrence.Weekly(DayOfWeek.Saturday, new DateOnly(2027, 1, 2), new TimeOnly(10, 0), ThreeHours);
        clock.SetUtcNow(Utc(2027, 10, 25, 0));

        weekly.Upcoming(clock.GetUtcNow(), TimeSpan.FromDays(14), Berlin).Select(o => o.StartsAt)
            .ShouldBe([Utc(2027, 10, 30, 8), Utc(2027, 11, 6, 9)]);
    }

    [Fact]
    public void A_start_skipped_by_spring_forward_moves_forward_by_the_gap()
    {
        // 28 March 2027 in Berlin: clocks jump from 02:00 to 03:00, so 02:30 never shows on a clock.
        var sunday = Recurrence.Once(new DateOnly(2027, 3, 28), new TimeOnly(2, 30), ThreeHours);

        var start = sunday.StartOn(new DateOnly(2027, 3, 28), Berlin);

        start.ShouldBe(Utc(2027, 3, 28, 1, 30));
        TimeZoneInfo.ConvertTime(start, Berlin).TimeOfDay.ShouldBe(new TimeSpan(3, 30, 0));
    }

    [Fact]
    public void A_start_that_happens_twice_in_autumn_is_the_first_one()
    {
        // 31 October 2027 in Berlin: 02:30 happens in summer time (00:30 UTC) and again in winter time (01:30 UTC).
        var sunday = Recurrence.Once(new DateOnly(2027, 10, 31), new TimeOnly(2, 30), ThreeHours);

        sunday.StartOn(new DateOnly(2027, 10, 31), Berlin).ShouldBe(Utc(2027, 10, 31, 0, 30));
    }

    [Fact]
    public void Beijing_has_no_daylight_saving_so_every_edition_is_one_utc_hour()
    {
        var monthly = Recurrence.MonthlyOnDate(15, new DateOnly(2027, 1, 1), NineAm, ThreeHours);
        clock.SetUtcNow(Utc(2027, 1, 1, 0));

        monthly.Upcoming(clock.GetUtcNow(), TimeSpan.FromDays(365), Shanghai).Select(o => o.StartsAt.UtcDateTime.Hour).Distinct().ShouldBe([1]);
    }

    [Theory]
    [InlineData(RecurrenceKind.Weekly, null, null, null, "validation.recurrence.weekday")]
    [InlineData(RecurrenceKind.MonthlyByWeekday, DayOfWeek.Saturday, 5, null, "validation.recurrence.weekday")]
    [InlineData(RecurrenceKind.MonthlyByDate, null, null, 0, "validation.recurrence.day_of_month")]
    [InlineData(RecurrenceKind.MonthlyByDate, null, null, 32, "validation.recurrence.day_of_month")]
    public void Incomplete_rules_are_refused(RecurrenceKind kind, DayOfWeek? weekday, int? weekOfMonth, int? dayOfMonth, string code)
    {
        var rule = new Recurrence(kind, new DateOnly(2026, 12, 1), NineAm, ThreeHours, weekday, weekOfMonth, dayOfMonth);

        rule.Validate().Error.ShouldNotBeNull().Code.ShouldBe(code);
    }

    [Fact]
    public void A_fair_longer_than_twelve_hours_is_refused()
    {
        Recurrence.Once(new DateOnly(2026, 12, 1), NineAm, TimeSpan.FromHours(13)).Validate().Error.ShouldNotBeNull().Code.ShouldBe("validation.recurrence.duration");
    }
}
