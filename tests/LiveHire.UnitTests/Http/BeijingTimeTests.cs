using System.Globalization;
using LiveHire.Web.Infrastructure;

namespace LiveHire.UnitTests.Http;

/// <summary>Times on the pages are Beijing time, written the way a reader of the page's language writes them.</summary>
public sealed class BeijingTimeTests
{
    // 01:00 UTC is 09:00 in Beijing (UTC+8, no daylight saving).
    private static readonly DateTimeOffset Start = new(2026, 12, 8, 1, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("zh-CN", 8, "12月8日 09:00–17:00")]
    [InlineData("en-US", 8, "Dec 8, 09:00–17:00")]
    // Past midnight in Beijing the end says its own day, not a bare 02:00 that reads as before the start.
    [InlineData("zh-CN", 17, "12月8日 09:00–12月9日 02:00")]
    [InlineData("en-US", 17, "Dec 8, 09:00–Dec 9, 02:00")]
    public void A_span_is_written_in_the_pages_language_with_the_end_dated_when_it_is_another_day(string culture, int hours, string expected)
    {
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            BeijingTime.Span(Start, Start.AddHours(hours)).ShouldBe(expected);
            BeijingTime.Clock(Start.AddHours(hours)).ShouldBe(hours == 8 ? "17:00" : "02:00");
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }
}
