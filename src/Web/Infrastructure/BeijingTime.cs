using System.Globalization;

namespace LiveHire.Web.Infrastructure;

/// <summary>Every time a person reads or types is Beijing time (Asia/Shanghai), whatever the server's zone.</summary>
public static class BeijingTime
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    public static DateTime ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone).DateTime;

    public static string Format(DateTimeOffset instant) =>
        ToLocal(instant).ToString(CultureInfo.CurrentUICulture.Name == "zh-CN" ? "M月d日 HH:mm" : "MMM d, HH:mm", CultureInfo.CurrentUICulture);

    /// <summary>The time of day alone, "09:00".</summary>
    public static string Clock(DateTimeOffset instant) => ToLocal(instant).ToString("HH:mm", CultureInfo.InvariantCulture);

    /// <summary>
    /// From start to end as a person reads it: "12月8日 09:00–17:00" ("Dec 8, 09:00–17:00"); the end keeps its own date when it
    /// falls on another day.
    /// </summary>
    public static string Span(DateTimeOffset start, DateTimeOffset end) =>
        $"{Format(start)}–{(ToLocal(start).Date == ToLocal(end).Date ? Clock(end) : Format(end))}";

    /// <summary>A wall-clock time typed into a form (datetime-local), read as Beijing time.</summary>
    public static DateTimeOffset FromLocal(DateTime wallClock)
    {
        var unspecified = DateTime.SpecifyKind(wallClock, DateTimeKind.Unspecified);
        return new DateTimeOffset(unspecified, Zone.GetUtcOffset(unspecified));
    }
}
