using CommunityPlatform.Contracts.Membership;
using CommunityPlatform.Membership.Domain;
using static CommunityPlatform.Membership.UnitTests.TestData;

namespace CommunityPlatform.Membership.UnitTests;

public sealed class MeetingTests
{
    private static readonly DateTimeOffset StartsAt = new(2026, 6, 20, 14, 30, 0, Beijing);
    private static readonly DateOnly HeldOn = new(2026, 6, 20);
    private static readonly Guid Present1 = Guid.NewGuid();
    private static readonly Guid Present2 = Guid.NewGuid();
    private static readonly Guid Absentee = Guid.NewGuid();

    private static Meeting Scheduled(DateTimeOffset? startsAt = null) =>
        Meeting.Schedule(Branch(), "支委会", "  六月支委会 ", startsAt ?? StartsAt, (startsAt ?? StartsAt).AddHours(2), "党群服务中心", Now);

    private static AttendanceEntry[] Attendance() =>
    [
        new(Present1, AttendanceStatus.Present, null),
        new(Absentee, AttendanceStatus.Absent, "外出务工"),
        new(Present2, AttendanceStatus.Present, null),
    ];

    private static Meeting Held()
    {
        var meeting = Scheduled();
        meeting.RecordHeld(HeldOn, "学习党章", "会议纪要", Attendance(), Now);
        return meeting;
    }

    [Fact]
    public void A_meeting_is_scheduled_in_utc_with_its_kind_parsed_from_the_label()
    {
        var meeting = Scheduled();

        Assert.Equal(MeetingKind.CommitteeMeeting, meeting.Kind);
        Assert.Equal(MeetingStatus.Scheduled, meeting.Status);
        Assert.Equal("六月支委会", meeting.Title);
        Assert.Equal(TimeSpan.Zero, meeting.StartsAt.Offset);
        Assert.Equal(new DateTimeOffset(2026, 6, 20, 6, 30, 0, TimeSpan.Zero), meeting.StartsAt);
        Assert.Equal("DZB-01", meeting.OrganisationCode);
    }

    [Fact]
    public void A_meeting_must_end_after_it_starts_and_within_twelve_hours()
    {
        Assert.Contains("endsAt", ErrorsOf(() => Meeting.Schedule(Branch(), "党课", "党课", StartsAt, StartsAt, null, Now)).Keys);
        Assert.Contains("endsAt", ErrorsOf(() => Meeting.Schedule(Branch(), "党课", "党课", StartsAt, StartsAt.AddHours(12).AddMinutes(1), null, Now)).Keys);
        Assert.Equal(
            StartsAt.AddHours(12),
            Meeting.Schedule(Branch(), "党课", "党课", StartsAt, StartsAt.AddHours(12), null, Now).EndsAt);
    }

    [Fact]
    public void Recording_a_meeting_as_held_counts_present_and_absent_members()
    {
        var meeting = Scheduled();

        meeting.RecordHeld(HeldOn, " 学习党章 ", "会议纪要", Attendance(), Now);
        var held = Assert.IsType<MeetingHeld>(Assert.Single(meeting.Events));

        Assert.Equal(MeetingStatus.Held, meeting.Status);
        Assert.Equal(HeldOn, meeting.HeldOn);
        Assert.Equal("学习党章", meeting.Topic);
        Assert.Equal(3, meeting.Attendance.Count);
        Assert.Equal((2, 1), (held.Present, held.Absent));
        Assert.Equal(("CommitteeMeeting", "DZB-01", HeldOn, meeting.Id), (held.Kind, held.OrganisationCode, held.HeldOn, held.MeetingId));
        Assert.Equal("外出务工", meeting.Attendance.Single(a => a.MemberId == Absentee).Reason);
    }

    [Fact]
    public void The_held_day_defaults_to_the_scheduled_day()
    {
        var meeting = Scheduled();

        meeting.RecordHeld(null, "学习党章", null, Attendance(), Now);
        var held = Assert.IsType<MeetingHeld>(Assert.Single(meeting.Events));

        Assert.Equal(HeldOn, held.HeldOn);
        Assert.Equal(HeldOn, meeting.HeldOn);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("  ")]
    public void An_absence_without_a_reason_is_refused(string? reason)
    {
        var meeting = Scheduled();
        AttendanceEntry[] attendance = [new(Present1, AttendanceStatus.Present, null), new(Absentee, AttendanceStatus.Absent, reason)];

        var errors = ErrorsOf(() => meeting.RecordHeld(HeldOn, "学习党章", null, attendance, Now));

        Assert.Equal(["attendance[1].reason"], errors.Keys);
        Assert.Equal(MeetingStatus.Scheduled, meeting.Status);
    }

    [Fact]
    public void A_member_listed_twice_is_refused_at_the_second_entry()
    {
        AttendanceEntry[] attendance =
        [
            new(Present1, AttendanceStatus.Present, null),
            new(Present2, AttendanceStatus.Present, null),
            new(Present1, AttendanceStatus.Absent, "病假"),
        ];

        var errors = ErrorsOf(() => Scheduled().RecordHeld(HeldOn, "学习党章", null, attendance, Now));

        Assert.Equal(["attendance[2].memberId"], errors.Keys);
    }

    [Fact]
    public void Attendance_must_list_someone_and_may_not_be_recorded_as_already_made_up()
    {
        Assert.Contains("attendance", ErrorsOf(() => Scheduled().RecordHeld(HeldOn, "学习党章", null, [], Now)).Keys);
        Assert.Contains(
            "attendance[0].status",
            ErrorsOf(() => Scheduled().RecordHeld(HeldOn, "学习党章", null, [new(Absentee, AttendanceStatus.MadeUp, "补学")], Now)).Keys);
    }

    [Fact]
    public void A_meeting_cannot_be_recorded_as_held_in_the_future()
    {
        Assert.Contains("heldOn", ErrorsOf(() => Scheduled().RecordHeld(Today.AddDays(1), "学习党章", null, Attendance(), Now)).Keys);

        // Without a held day the scheduled start is used, which here is still to come.
        var upcoming = Scheduled(new DateTimeOffset(2026, 7, 3, 14, 30, 0, Beijing));
        Assert.Contains("heldOn", ErrorsOf(() => upcoming.RecordHeld(null, "学习党章", null, Attendance(), Now)).Keys);
        Assert.Equal(MeetingStatus.Scheduled, upcoming.Status);
    }

    [Fact]
    public void A_meeting_can_be_recorded_as_held_only_once()
    {
        var meeting = Held();

        Assert.Equal("meeting.status", ViolationOf(() => meeting.RecordHeld(HeldOn, "再次", null, Attendance(), Now)).Rule);
        Assert.Equal(3, meeting.Attendance.Count);
    }

    [Fact]
    public void An_absent_member_can_make_the_meeting_up()
    {
        var meeting = Held();

        var entry = meeting.MakeUp(Absentee, new DateOnly(2026, 6, 25), "  自学会议精神 ", Now);

        Assert.Equal(AttendanceStatus.MadeUp, entry.Status);
        Assert.Equal(new DateOnly(2026, 6, 25), entry.MadeUpOn);
        Assert.Equal("自学会议精神", entry.MakeUpNote);
        Assert.Equal("外出务工", entry.Reason);
    }

    [Fact]
    public void Only_an_absence_can_be_made_up_and_only_once()
    {
        var meeting = Held();
        meeting.MakeUp(Absentee, HeldOn, null, Now);

        Assert.Equal("meeting.make-up-needs-absence", ViolationOf(() => meeting.MakeUp(Present1, HeldOn, null, Now)).Rule);
        Assert.Equal("meeting.make-up-needs-absence", ViolationOf(() => meeting.MakeUp(Absentee, HeldOn, null, Now)).Rule);
    }

    [Fact]
    public void A_make_up_needs_a_held_meeting_a_listed_member_and_a_day_after_the_meeting()
    {
        Assert.Equal("meeting.status", ViolationOf(() => Scheduled().MakeUp(Absentee, HeldOn, null, Now)).Rule);
        Assert.Equal("meeting.not-on-attendance", ViolationOf(() => Held().MakeUp(Guid.NewGuid(), HeldOn, null, Now)).Rule);
        Assert.Contains("madeUpOn", ErrorsOf(() => Held().MakeUp(Absentee, HeldOn.AddDays(-1), null, Now)).Keys);
    }

    [Fact]
    public void Only_a_scheduled_meeting_can_be_cancelled()
    {
        var meeting = Scheduled();
        meeting.Cancel(" 与防汛值班冲突 ", Now);

        Assert.Equal(MeetingStatus.Cancelled, meeting.Status);
        Assert.Equal("与防汛值班冲突", meeting.CancellationReason);
        Assert.Equal("meeting.status", ViolationOf(() => meeting.Cancel("再次取消", Now)).Rule);
        Assert.Equal("meeting.status", ViolationOf(() => Held().Cancel("已召开", Now)).Rule);
        Assert.Equal("meeting.status", ViolationOf(() => meeting.RecordHeld(HeldOn, "学习党章", null, Attendance(), Now)).Rule);
    }

    [Fact]
    public void A_meeting_early_on_the_first_in_Beijing_is_held_on_the_first_not_on_the_last_day_of_the_previous_month()
    {
        var startsAt = new DateTimeOffset(2026, 6, 1, 7, 0, 0, Beijing);
        var meeting = Meeting.Schedule(Branch(), "CommitteeMeeting", "支委会", startsAt, startsAt.AddHours(1), null, Now);
        meeting.RecordHeld(null, "月度支委会", null, [new AttendanceEntry(Guid.NewGuid(), AttendanceStatus.Present, null)], Now);
        Assert.Equal(new DateOnly(2026, 6, 1), meeting.HeldOn);
    }

    [Fact]
    public void Today_is_the_community_date_so_a_morning_in_Beijing_is_not_the_future()
    {
        var morningInBeijing = new DateTimeOffset(2026, 6, 30, 7, 0, 0, Beijing);
        var member = FullMember();
        member.FlagReserveCadre(new DateOnly(2026, 6, 30), "社区党委委员", morningInBeijing);
        Assert.Equal(new DateOnly(2026, 6, 30), member.ReserveCadreSince);
    }
}
