using System.Text.Json.Serialization;

namespace LiveHire.Core.Domain;

[JsonConverter(typeof(JsonStringEnumConverter<RecurrenceKind>))]
public enum RecurrenceKind { Once = 1, Weekly = 2, MonthlyByWeekday = 3, MonthlyByDate = 4 }

/// <summary>
/// When a fair series happens, in the series' own calendar: the dates follow the local calendar of its time zone, and a
/// local start time becomes a different UTC instant on either side of a daylight-saving change.
/// </summary>
/// <param name="FirstDate">The first (or only) date; no occurrence falls before it.</param>
/// <param name="Weekday">For weekly and monthly-by-weekday series.</param>
/// <param name="WeekOfMonth">For monthly-by-weekday: 1 to 4 (first to fourth), or -1 for the last such weekday.</param>
/// <param name="DayOfMonth">For monthly-by-date: 1 to 31; a month without that day uses its last day (31 → 30 April).</param>
public sealed record Recurrence(RecurrenceKind Kind, DateOnly FirstDate, TimeOnly LocalStart, TimeSpan Duration,
    DayOfWeek? Weekday = null, int? WeekOfMonth = null, int? DayOfMonth = null, DateOnly? LastDate = null)
{
    public static readonly TimeSpan MaxDuration = TimeSpan.FromHours(12);

    public static Recurrence Once(DateOnly date, TimeOnly start, TimeSpan duration) => new(RecurrenceKind.Once, date, start, duration);
    public static Recurrence Weekly(DayOfWeek day, DateOnly from, TimeOnly start, TimeSpan duration) => new(RecurrenceKind.Weekly, from, start, duration, Weekday: day);
    public static Recurrence MonthlyOnWeekday(int weekOfMonth, DayOfWeek day, DateOnly from, TimeOnly start, TimeSpan duration) =>
        new(RecurrenceKind.MonthlyByWeekday, from, start, duration, Weekday: day, WeekOfMonth: weekOfMonth);
    public static Recurrence MonthlyOnDate(int dayOfMonth, DateOnly from, TimeOnly start, TimeSpan duration) =>
        new(RecurrenceKind.MonthlyByDate, from, start, duration, DayOfMonth: dayOfMonth);

    public Result Validate()
    {
        if (Duration <= TimeSpan.Zero || Duration > MaxDuration)
            return Error.Validation("recurrence.duration", $"A fair lasts more than 0 and at most {MaxDuration.TotalHours:0} hours.");
        if (LastDate is { } last && last < FirstDate)
            return Error.Validation("recurrence.last_date", "The last date is before the first date.");
        return Kind switch
        {
            RecurrenceKind.Once => Result.Success(),
            RecurrenceKind.Weekly when Weekday is not null => Result.Success(),
            RecurrenceKind.MonthlyByWeekday when Weekday is not null && WeekOfMonth is (>= 1 and <= 4) or (-1) => Result.Success(),
            RecurrenceKind.MonthlyByDate when DayOfMonth is >= 1 and <= 31 => Result.Success(),
            RecurrenceKind.Weekly or RecurrenceKind.MonthlyByWeekday => Error.Validation("recurrence.weekday", "Choose a weekday (and which one of the month: 1st to 4th, or last)."),
            RecurrenceKind.MonthlyByDate => Error.Validation("recurrence.day_of_month", "Choose a day of the month, 1 to 31."),
            _ => Error.Validation("recurrence.kind", "Unknown recurrence."),
        };
    }

    /// <summary>The local dates of occurrences from <paramref name="from"/> to <paramref name="to"/>, both included, in order.</summary>
    public IEnumerable<DateOnly> Dates(DateOnly from, DateOnly to)
    {
        if (from < FirstDate) from = FirstDate;
        if (LastDate is { } last && to > last) to = last;
        if (to < from) yield break;
        switch (Kind)
        {
            case RecurrenceKind.Once:
                if (FirstDate >= from && FirstDate <= to) yield return FirstDate;
                break;
            case RecurrenceKind.Weekly:
                var offset = ((int)Weekday!.Value - (int)from.DayOfWeek + 7) % 7;
                for (var d = from.AddDays(offset); d <= to; d = d.AddDays(7)) yield return d;
                break;
            default:
                for (var month = new DateOnly(from.Year, from.Month, 1); month <= to; month = month.AddMonths(1))
                {
                    var d = InMonth(month);
                    if (d >= from && d <= to) yield return d;
                }
                break;
        }
    }

    private DateOnly InMonth(DateOnly firstOfMonth)
    {
        var days = DateTime.DaysInMonth(firstOfMonth.Year, firstOfMonth.Month);
        if (Kind == RecurrenceKind.MonthlyByDate) return firstOfMonth.AddDays(Math.Min(DayOfMonth!.Value, days) - 1);
        if (WeekOfMonth == -1)
        {
            var lastDay = firstOfMonth.AddDays(days - 1);
            return lastDay.AddDays(-(((int)lastDay.DayOfWeek - (int)Weekday!.Value + 7) % 7));
        }
        var first = firstOfMonth.AddDays(((int)Weekday!.Value - (int)firstOfMonth.DayOfWeek + 7) % 7);
        return first.AddDays(7 * (WeekOfMonth!.Value - 1));
    }

    /// <summary>
    /// The UTC start of the occurrence on <paramref name="date"/> in <paramref name="zone"/>. A local start that does not
    /// exist (skipped by a spring-forward change) moves forward by the gap; one that happens twice (autumn) is the first.
    /// </summary>
    public DateTimeOffset StartOn(DateOnly date, TimeZoneInfo zone) => ToInstant(date.ToDateTime(LocalStart), zone);

    /// <summary>Occurrences that start after <paramref name="now"/> and fall on a local date up to <paramref name="ahead"/> later.</summary>
    public IReadOnlyList<Occurrence> Upcoming(DateTimeOffset now, TimeSpan ahead, TimeZoneInfo zone)
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        var until = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now + ahead, zone).DateTime);
        return Dates(today, until)
            .Select(d => new Occurrence(d, StartOn(d, zone)))
            .Where(o => o.StartsAt > now)
            .ToList();
    }

    public static DateTimeOffset ToInstant(DateTime local, TimeZoneInfo zone)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            // Spring forward: 02:30 does not exist; the clock reads 03:30 at the instant 02:30 standard time would have been.
            var before = zone.GetUtcOffset(local.AddHours(-3));
            return new DateTimeOffset(local - before, TimeSpan.Zero);
        }
        if (zone.IsAmbiguousTime(local))
        {
            var offsets = zone.GetAmbiguousTimeOffsets(local);
            return new DateTimeOffset(local, offsets.Max()).ToUniversalTime();
        }
        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }
}

/// <summary>One occurrence of a series: its local date (the edition's key) and its start as an instant.</summary>
public sealed record Occurrence(DateOnly Date, DateTimeOffset StartsAt);
