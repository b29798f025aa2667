using CommunityPlatform.Contracts.Membership;
using CommunityPlatform.Messaging.Outbox;
using CommunityPlatform.ServiceKit.Domain;

namespace CommunityPlatform.Membership.Domain;

/// <summary>
/// A meeting of organisational life (组织生活: 三会一课, 主题党日, study and briefings): scheduled, then held with
/// topic, minutes and attendance, or cancelled.
/// </summary>
public sealed class Meeting : AggregateRoot
{
    public const int TitleMaxLength = 200;
    public const int MinutesMaxLength = 20_000;

    private readonly List<Attendance> _attendance = [];

    private Meeting()
    {
    }

    public Guid Id { get; private set; }

    public string OrganisationCode { get; private set; } = "";

    public MeetingKind Kind { get; private set; }

    public string Title { get; private set; } = "";

    public DateTimeOffset StartsAt { get; private set; }

    public DateTimeOffset EndsAt { get; private set; }

    public string? Location { get; private set; }

    /// <summary>The recurring series this meeting belongs to, if any.</summary>
    public Guid? SeriesId { get; private set; }

    public MeetingStatus Status { get; private set; }

    public DateOnly? HeldOn { get; private set; }

    public string? Topic { get; private set; }

    public string? Minutes { get; private set; }

    public string? CancellationReason { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public IReadOnlyList<Attendance> Attendance => _attendance;

    /// <summary>The meetings held (not merely scheduled) on one of <paramref name="days"/>, by the day they were held.</summary>
    public static IQueryable<Meeting> HeldWithin(IQueryable<Meeting> meetings, DayRange days) =>
        meetings.Where(m => m.Status == MeetingStatus.Held).Where(days.Covers<Meeting>(m => m.HeldOn));

    public static Meeting Schedule(
        Organisation organisation, string? kind, string? title, DateTimeOffset? startsAt, DateTimeOffset? endsAt, string? location,
        DateTimeOffset now, Guid? seriesId = null)
    {
        var validation = new Validation();
        var parsedKind = validation.RequireOneOf(kind, "kind", MeetingKindLabels.All);
        validation.RequireText(title, "title", TitleMaxLength);
        validation.RequireGiven(startsAt, "startsAt", "is required (ISO 8601 with offset, e.g. 2026-12-05T14:30:00+08:00).");
        validation.RequireGiven(endsAt, "endsAt", "is required (ISO 8601 with offset).");
        validation.Require(startsAt is null || endsAt is null || endsAt > startsAt, "endsAt", ValidationFailure.After("startsAt"));
        validation.Require(startsAt is null || endsAt is null || endsAt - startsAt <= TimeSpan.FromHours(12), "endsAt", ValidationFailure.Of(ValidationCodes.MaxDuration, "must be within 12 hours of startsAt."));
        validation.RequireMaxLength(location?.Trim(), "location", 200);
        validation.ThrowIfInvalid();

        return new Meeting
        {
            Id = Guid.CreateVersion7(now),
            OrganisationCode = organisation.Code,
            Kind = parsedKind!.Value,
            Title = title!.Trim(),
            StartsAt = startsAt!.Value.ToUniversalTime(),
            EndsAt = endsAt!.Value.ToUniversalTime(),
            Location = string.IsNullOrWhiteSpace(location) ? null : location.Trim(),
            SeriesId = seriesId,
            Status = MeetingStatus.Scheduled,
            UpdatedAt = now,
        };
    }

    /// <summary>
    /// Records that the meeting was held, with its topic, minutes and the attendance of each member; an absence
    /// needs its reason.
    /// </summary>
    public void RecordHeld(DateOnly? heldOn, string? topic, string? minutes, IReadOnlyList<AttendanceEntry> attendance, DateTimeOffset now)
    {
        var validation = new Validation();
        var today = CommunityTime.DateOf(now);
        validation.Require(heldOn is null || heldOn <= today, "heldOn", ValidationFailure.NotFuture());
        validation.RequireText(topic, "topic", TitleMaxLength);
        validation.RequireMaxLength(minutes, "minutes", MinutesMaxLength);
        validation.Require(attendance.Count > 0, "attendance", ValidationFailure.MinCount("must list at least one member."));
        for (var i = 0; i < attendance.Count; i++)
        {
            var entry = attendance[i];
            validation.Require(entry.Status is AttendanceStatus.Present or AttendanceStatus.Absent, $"attendance[{i}].status", ValidationFailure.OneOf("Present, Absent", "must be Present (出席) or Absent (缺席) when the meeting is recorded."));
            validation.Require(entry.Status != AttendanceStatus.Absent || !string.IsNullOrWhiteSpace(entry.Reason), $"attendance[{i}].reason", ValidationFailure.Required("is required for an absence."));
            validation.RequireMaxLength(entry.Reason, $"attendance[{i}].reason", 200);
            validation.Require(attendance.Take(i).All(e => e.MemberId != entry.MemberId), $"attendance[{i}].memberId", ValidationFailure.Of(ValidationCodes.Duplicate, "lists the same member twice."));
        }

        var day = heldOn ?? CommunityTime.DateOf(StartsAt);
        validation.Require(day <= today, "heldOn", ValidationFailure.NotFuture("is in the future: record the meeting once it has taken place."));
        validation.ThrowIfInvalid();
        RequireStatus(MeetingStatus.Scheduled, "record it as held");

        Status = MeetingStatus.Held;
        HeldOn = day;
        Topic = topic!.Trim();
        Minutes = minutes;
        UpdatedAt = now;
        _attendance.AddRange(attendance.Select(a => Domain.Attendance.Record(Id, a)));

        Raise(new MeetingHeld
        {
            EventId = Guid.CreateVersion7(now),
            OccurredAt = now,
            MeetingId = Id,
            OrganisationCode = OrganisationCode,
            Kind = Kind.ToString(),
            HeldOn = day,
            Present = _attendance.Count(a => a.Status == AttendanceStatus.Present),
            Absent = _attendance.Count(a => a.Status == AttendanceStatus.Absent),
        });
    }

    /// <summary>An absent member made the meeting up later (补学/补课).</summary>
    public Attendance MakeUp(Guid memberId, DateOnly? madeUpOn, string? note, DateTimeOffset now)
    {
        var validation = new Validation();
        validation.RequireDateNotAfter(madeUpOn, "madeUpOn", CommunityTime.DateOf(now));
        validation.Require(madeUpOn is null || HeldOn is null || madeUpOn >= HeldOn, "madeUpOn", ValidationFailure.NotBefore("the meeting was held", "may not be before the meeting was held."));
        validation.RequireMaxLength(note, "note", 500);
        validation.ThrowIfInvalid();
        RequireStatus(MeetingStatus.Held, "record a make-up");
        var entry = _attendance.SingleOrDefault(a => a.MemberId == memberId)
            ?? throw new DomainRuleViolationException("meeting.not-on-attendance", "The member is not on this meeting's attendance list.");
        entry.MakeUp(madeUpOn!.Value, note);
        UpdatedAt = now;
        return entry;
    }

    public void Cancel(string? reason, DateTimeOffset now)
    {
        new Validation().RequireText(reason, "reason", 200).ThrowIfInvalid();
        RequireStatus(MeetingStatus.Scheduled, "cancel it");
        Status = MeetingStatus.Cancelled;
        CancellationReason = reason!.Trim();
        UpdatedAt = now;
    }

    private void RequireStatus(MeetingStatus expected, string action)
    {
        if (Status != expected)
        {
            throw new DomainRuleViolationException("meeting.status", $"Cannot {action}: the meeting is {Status}, not {expected}.");
        }
    }
}

/// <summary>One member's attendance at a held meeting.</summary>
public sealed class Attendance
{
    private Attendance()
    {
    }

    public Guid MeetingId { get; private set; }

    public Guid MemberId { get; private set; }

    public AttendanceStatus Status { get; private set; }

    public string? Reason { get; private set; }

    public DateOnly? MadeUpOn { get; private set; }

    public string? MakeUpNote { get; private set; }

    internal static Attendance Record(Guid meetingId, AttendanceEntry entry) => new()
    {
        MeetingId = meetingId,
        MemberId = entry.MemberId,
        Status = entry.Status,
        Reason = string.IsNullOrWhiteSpace(entry.Reason) ? null : entry.Reason.Trim(),
    };

    internal void MakeUp(DateOnly on, string? note)
    {
        if (Status != AttendanceStatus.Absent)
        {
            throw new DomainRuleViolationException("meeting.make-up-needs-absence", $"Only an absence can be made up; this member is recorded as {Status}.");
        }

        Status = AttendanceStatus.MadeUp;
        MadeUpOn = on;
        MakeUpNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
    }
}

public sealed record AttendanceEntry(Guid MemberId, AttendanceStatus Status, string? Reason);

public enum MeetingStatus
{
    Scheduled,
    Held,
    Cancelled,
}

public static class MeetingStatusLabels
{
    public static readonly IReadOnlyDictionary<MeetingStatus, string> All = new Dictionary<MeetingStatus, string>
    {
        [MeetingStatus.Scheduled] = "已安排",
        [MeetingStatus.Held] = "已召开",
        [MeetingStatus.Cancelled] = "已取消",
    };
}

public enum AttendanceStatus
{
    /// <summary>出席</summary>
    Present,

    /// <summary>缺席 (with a reason)</summary>
    Absent,

    /// <summary>补学 — absent, made up later</summary>
    MadeUp,
}

public static class AttendanceStatusLabels
{
    public static readonly IReadOnlyDictionary<AttendanceStatus, string> All = new Dictionary<AttendanceStatus, string>
    {
        [AttendanceStatus.Present] = "出席",
        [AttendanceStatus.Absent] = "缺席",
        [AttendanceStatus.MadeUp] = "已补学",
    };
}

public enum MeetingKind
{
    /// <summary>支部党员大会</summary>
    GeneralMeeting,

    /// <summary>支委会</summary>
    CommitteeMeeting,

    /// <summary>党小组会</summary>
    PartyGroupMeeting,

    /// <summary>党课</summary>
    PartyLecture,

    /// <summary>主题党日</summary>
    ThemePartyDay,

    /// <summary>学习</summary>
    StudySession,

    /// <summary>宣讲 (by a visiting leader)</summary>
    Briefing,
}

public static class MeetingKindLabels
{
    public static readonly IReadOnlyDictionary<MeetingKind, string> All = new Dictionary<MeetingKind, string>
    {
        [MeetingKind.GeneralMeeting] = "支部党员大会",
        [MeetingKind.CommitteeMeeting] = "支委会",
        [MeetingKind.PartyGroupMeeting] = "党小组会",
        [MeetingKind.PartyLecture] = "党课",
        [MeetingKind.ThemePartyDay] = "主题党日",
        [MeetingKind.StudySession] = "学习",
        [MeetingKind.Briefing] = "宣讲",
    };
}
