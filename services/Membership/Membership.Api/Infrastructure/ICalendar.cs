using System.Globalization;
using System.Text;
using CommunityPlatform.Membership.Domain;

namespace CommunityPlatform.Membership.Infrastructure;

/// <summary>
/// Writes meetings as an RFC 5545 iCalendar document: CRLF line ends, lines folded at 75 octets of UTF-8
/// (never inside a character), text escaped, times in UTC. One VEVENT per meeting, each with its own UID, so a
/// series imports as its occurrences and a moved or cancelled one updates alone.
/// </summary>
public static class ICalendar
{
    public const string ContentType = "text/calendar; charset=utf-8";

    public static string Write(IEnumerable<Meeting> meetings, string calendarName, DateTimeOffset stamp)
    {
        var lines = new List<string>
        {
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//CommunityPlatform//Membership//ZH",
            "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
            "X-WR-CALNAME:" + Escape(calendarName),
            "X-WR-TIMEZONE:Asia/Shanghai",
        };

        foreach (var meeting in meetings)
        {
            lines.Add("BEGIN:VEVENT");
            lines.Add($"UID:{meeting.Id}@membership.communityplatform");
            lines.Add("DTSTAMP:" + Utc(stamp));
            lines.Add("LAST-MODIFIED:" + Utc(meeting.UpdatedAt));
            lines.Add("DTSTART:" + Utc(meeting.StartsAt));
            lines.Add("DTEND:" + Utc(meeting.EndsAt));
            lines.Add("SUMMARY:" + Escape($"【{MeetingKindLabels.All[meeting.Kind]}】{meeting.Title}"));
            if (meeting.Location is { } location)
            {
                lines.Add("LOCATION:" + Escape(location));
            }

            if (meeting.Topic is { } topic)
            {
                lines.Add("DESCRIPTION:" + Escape(topic));
            }

            lines.Add("CATEGORIES:" + Escape(MeetingKindLabels.All[meeting.Kind]));
            lines.Add("STATUS:" + (meeting.Status == MeetingStatus.Cancelled ? "CANCELLED" : "CONFIRMED"));
            // Cancelled or moved occurrences must replace the copy a calendar already imported.
            lines.Add("SEQUENCE:" + (meeting.Status == MeetingStatus.Cancelled ? 1 : 0));
            lines.Add("END:VEVENT");
        }

        lines.Add("END:VCALENDAR");
        var document = new StringBuilder();
        foreach (var line in lines)
        {
            Fold(line, document);
        }

        return document.ToString();
    }

    /// <summary>Escapes TEXT values (RFC 5545 §3.3.11).</summary>
    public static string Escape(string text) => text
        .Replace("\\", "\\\\")
        .Replace(";", "\\;")
        .Replace(",", "\\,")
        .Replace("\r\n", "\\n")
        .Replace("\n", "\\n")
        .Replace("\r", "\\n");

    /// <summary>Splits a content line into lines of at most 75 octets, continuation lines starting with a space (§3.1).</summary>
    public static void Fold(string line, StringBuilder output)
    {
        var octets = 0;
        var limit = 75;
        foreach (var rune in line.EnumerateRunes())
        {
            var size = rune.Utf8SequenceLength;
            if (octets + size > limit)
            {
                output.Append("\r\n ");
                octets = 0;
                limit = 74; // the leading space counts
            }

            output.Append(rune.ToString());
            octets += size;
        }

        output.Append("\r\n");
    }

    private static string Utc(DateTimeOffset time) => time.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
}
