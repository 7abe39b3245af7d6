using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using LiveHire.Core.Domain;

namespace LiveHire.Core.Fairs;

/// <summary>
/// An .ics file (RFC 5545) for a fair or one of its sessions, in the fair's own time zone (TZID plus its VTIMEZONE), so a
/// phone's calendar shows 09:00 where the fair is held. The UID stays the same when the fair moves, so re-importing updates it.
/// </summary>
public static class FairCalendar
{
    public static string For(Fair fair, LiveSession? session, DateTimeOffset now)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(fair.TimeZoneId);
        var calendar = new Calendar();
        calendar.AddTimeZone(fair.TimeZoneId);
        calendar.Events.Add(new CalendarEvent
        {
            Uid = session is null ? $"fair-{fair.Id:N}@livehire" : $"session-{session.Id:N}@livehire",
            Summary = session is null ? fair.Title : $"{session.Title}（{fair.Title}）",
            Description = fair.Description,
            Location = fair.District,
            DtStart = Local(session?.ScheduledStart ?? fair.StartsAt, zone, fair.TimeZoneId),
            DtEnd = Local(session?.ScheduledEnd ?? fair.EndsAt, zone, fair.TimeZoneId),
            DtStamp = new CalDateTime(now.UtcDateTime, "UTC"),
            Status = fair.Status == FairStatus.Cancelled || session?.Status == LiveSessionStatus.Cancelled ? "CANCELLED" : "CONFIRMED",
        });
        return new CalendarSerializer().SerializeToString(calendar)!;
    }

    private static CalDateTime Local(DateTimeOffset instant, TimeZoneInfo zone, string tzId) =>
        new(DateTime.SpecifyKind(TimeZoneInfo.ConvertTime(instant, zone).DateTime, DateTimeKind.Unspecified), tzId);
}
