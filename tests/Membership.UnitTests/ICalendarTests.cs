using System.Text;
using CommunityPlatform.Membership.Domain;
using CommunityPlatform.Membership.Infrastructure;
using static CommunityPlatform.Membership.UnitTests.TestData;

namespace CommunityPlatform.Membership.UnitTests;

public sealed class ICalendarTests
{
    private static readonly DateTimeOffset Stamp = new(2026, 6, 30, 1, 0, 0, TimeSpan.Zero);

    private static string Fold(string line)
    {
        var output = new StringBuilder();
        ICalendar.Fold(line, output);
        return output.ToString();
    }

    private static string[] PhysicalLines(string document)
    {
        Assert.EndsWith("\r\n", document);
        return document[..^2].Split("\r\n");
    }

    private static string[] ContentLines(string document) => document.Replace("\r\n ", "").TrimEnd('\r', '\n').Split("\r\n");

    private static Meeting Scheduled(string title = "七月支委会", string? location = null, int day = 15, int month = 7) =>
        Meeting.Schedule(
            Branch(), "CommitteeMeeting", title, new DateTimeOffset(2026, month, day, 14, 30, 0, Beijing),
            new DateTimeOffset(2026, month, day, 16, 0, 0, Beijing), location, Now);

    [Fact]
    public void Text_escapes_backslash_semicolon_comma_and_every_kind_of_newline() =>
        Assert.Equal(@"a\\b\;c\,d\ne\nf\ng", ICalendar.Escape("a\\b;c,d\ne\r\nf\rg"));

    [Fact]
    public void A_line_of_exactly_75_octets_is_not_folded_and_one_of_76_is()
    {
        Assert.Equal(new string('a', 75) + "\r\n", Fold(new string('a', 75)));
        Assert.Equal(new string('a', 75) + "\r\n a\r\n", Fold(new string('a', 76)));
    }

    [Fact]
    public void Continuation_lines_hold_74_octets_after_their_leading_space()
    {
        var lines = PhysicalLines(Fold(new string('x', 75 + 74 + 10)));

        Assert.Equal([75, 75, 11], lines.Select(l => l.Length));
        Assert.All(lines.Skip(1), l => Assert.StartsWith(" ", l));
    }

    [Fact]
    public void Chinese_text_is_folded_by_utf8_octets_without_splitting_a_character()
    {
        // "SUMMARY:" is 8 octets and each character 3, so a fold at exactly 75 octets would cut a character in two.
        var text = string.Concat(Enumerable.Repeat("党员大会学习", 10));
        var lines = PhysicalLines(Fold("SUMMARY:" + text));

        Assert.Equal([74, 73, 43], lines.Select(l => Encoding.UTF8.GetByteCount(l)));
        Assert.Equal("SUMMARY:" + text[..22], lines[0]);
        Assert.Equal(" " + text[22..46], lines[1]);
        Assert.Equal("SUMMARY:" + text, string.Concat(lines[0], lines[1][1..], lines[2][1..]));
    }

    [Fact]
    public void A_character_outside_the_basic_plane_is_kept_whole()
    {
        // 73 ASCII octets leave 2, too few for the 4 octets of 𠮷 (a surrogate pair in UTF-16).
        var lines = PhysicalLines(Fold(new string('a', 73) + "𠮷"));

        Assert.Equal([new string('a', 73), " 𠮷"], lines);
    }

    [Fact]
    public void The_document_uses_crlf_line_ends_only_and_every_physical_line_fits_75_octets()
    {
        var meeting = Scheduled(string.Concat(Enumerable.Repeat("关于开展党员先锋岗评选的专题组织生活会", 4)), "社区党群服务中心二楼会议室");

        var document = ICalendar.Write([meeting], "第一党支部", Stamp);

        Assert.DoesNotContain('\n', document.Replace("\r\n", ""));
        Assert.DoesNotContain('\r', document.Replace("\r\n", ""));
        Assert.All(PhysicalLines(document), l => Assert.True(Encoding.UTF8.GetByteCount(l) <= 75, l));
        Assert.Equal("BEGIN:VCALENDAR", PhysicalLines(document)[0]);
        Assert.Equal("END:VCALENDAR", PhysicalLines(document)[^1]);
    }

    [Fact]
    public void Each_meeting_is_its_own_event_with_a_uid_and_utc_times()
    {
        var first = Scheduled();
        var second = Scheduled("八月支委会");

        var lines = ContentLines(ICalendar.Write([first, second], "第一党支部", Stamp));

        Assert.Equal(2, lines.Count(l => l == "BEGIN:VEVENT"));
        Assert.Equal(2, lines.Count(l => l == "END:VEVENT"));
        Assert.Contains($"UID:{first.Id}@membership.communityplatform", lines);
        Assert.Contains($"UID:{second.Id}@membership.communityplatform", lines);
        Assert.Contains("DTSTART:20260715T063000Z", lines);
        Assert.Contains("DTEND:20260715T080000Z", lines);
        Assert.Contains("DTSTAMP:20260630T010000Z", lines);
        Assert.Contains("SUMMARY:【支委会】七月支委会", lines);
    }

    [Fact]
    public void A_cancelled_meeting_is_published_as_cancelled_with_a_higher_sequence()
    {
        var cancelled = Scheduled();
        cancelled.Cancel("与防汛值班冲突", Now);

        var lines = ContentLines(ICalendar.Write([cancelled, Scheduled()], "第一党支部", Stamp));

        Assert.Equal(["STATUS:CANCELLED", "STATUS:CONFIRMED"], lines.Where(l => l.StartsWith("STATUS:", StringComparison.Ordinal)));
        Assert.Equal(["SEQUENCE:1", "SEQUENCE:0"], lines.Where(l => l.StartsWith("SEQUENCE:", StringComparison.Ordinal)));
    }

    [Fact]
    public void Text_properties_are_escaped_and_the_topic_appears_only_once_held()
    {
        var meeting = Scheduled("学习;讨论,总结", "三楼\\会议室", day: 29, month: 6);
        var scheduledLines = ContentLines(ICalendar.Write([meeting], "支部,日历", Stamp));
        meeting.RecordHeld(new DateOnly(2026, 6, 29), "学习二十大精神,交流体会", null, [new AttendanceEntry(Guid.NewGuid(), AttendanceStatus.Present, null)], Now);

        var heldLines = ContentLines(ICalendar.Write([meeting], "支部,日历", Stamp));

        Assert.Contains(@"X-WR-CALNAME:支部\,日历", scheduledLines);
        Assert.Contains(@"SUMMARY:【支委会】学习\;讨论\,总结", scheduledLines);
        Assert.Contains(@"LOCATION:三楼\\会议室", scheduledLines);
        Assert.DoesNotContain(scheduledLines, l => l.StartsWith("DESCRIPTION:", StringComparison.Ordinal));
        Assert.Contains(@"DESCRIPTION:学习二十大精神\,交流体会", heldLines);
    }
}
