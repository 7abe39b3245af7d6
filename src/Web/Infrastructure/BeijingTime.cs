using System.Globalization;

namespace LiveHire.Web.Infrastructure;

/// <summary>Every time a person reads or types is Beijing time (Asia/Shanghai), whatever the server's zone.</summary>
public static class BeijingTime
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    public static DateTime ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone).DateTime;

    public static string Format(DateTimeOffset instant) =>
        ToLocal(instant).ToString(CultureInfo.CurrentUICulture.Name == "zh-CN" ? "M月d日 HH:mm" : "MMM d, HH:mm", CultureInfo.CurrentUICulture);

    /// <summary>A wall-clock time typed into a form (datetime-local), read as Beijing time.</summary>
    public static DateTimeOffset FromLocal(DateTime wallClock)
    {
        var unspecified = DateTime.SpecifyKind(wallClock, DateTimeKind.Unspecified);
        return new DateTimeOffset(unspecified, Zone.GetUtcOffset(unspecified));
    }
}
