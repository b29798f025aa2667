namespace CommunityPlatform.Volunteer.Domain;

/// <summary>
/// One volunteer's place at an activity: confirmed or waiting, then their attendance — when they checked in and
/// out, how, who recorded it, and how late or early they were.
/// </summary>
public sealed class Signup
{
    private Signup()
    {
    }

    internal Signup(Guid id, Guid activityId, Guid volunteerId, SignupStatus status, DateTimeOffset now)
    {
        Id = id;
        ActivityId = activityId;
        VolunteerId = volunteerId;
        Status = status;
        SignedUpAt = now;
    }

    public Guid Id { get; private set; }

    public Guid ActivityId { get; private set; }

    public Guid VolunteerId { get; private set; }

    public SignupStatus Status { get; private set; }

    /// <summary>When the volunteer (last) signed up: the waitlist's order.</summary>
    public DateTimeOffset SignedUpAt { get; private set; }

    public DateTimeOffset? PromotedAt { get; private set; }

    public DateTimeOffset? WithdrawnAt { get; private set; }

    public DateTimeOffset? CheckedInAt { get; private set; }

    public CheckInMethod? CheckInMethod { get; private set; }

    public string? CheckedInBy { get; private set; }

    /// <summary>Minutes after the start, when beyond the grace period; otherwise 0.</summary>
    public int LateMinutes { get; private set; }

    public DateTimeOffset? CheckedOutAt { get; private set; }

    public string? CheckedOutBy { get; private set; }

    /// <summary>Minutes before the end, when beyond the grace period; otherwise 0.</summary>
    public int EarlyLeaveMinutes { get; private set; }

    /// <summary>Confirmed but never checked in by the time the activity was completed.</summary>
    public bool NoShow { get; private set; }

    public bool IsActive => Status is SignupStatus.Confirmed or SignupStatus.Waitlisted;

    internal void Renew(SignupStatus status, DateTimeOffset now)
    {
        Status = status;
        SignedUpAt = now;
        PromotedAt = null;
        WithdrawnAt = null;
    }

    internal void Withdraw(DateTimeOffset now)
    {
        Status = SignupStatus.Withdrawn;
        WithdrawnAt = now;
    }

    internal void Promote(DateTimeOffset now)
    {
        Status = SignupStatus.Confirmed;
        PromotedAt = now;
    }

    internal void CheckIn(DateTimeOffset at, CheckInMethod method, string recordedBy, int lateMinutes)
    {
        CheckedInAt = at;
        CheckInMethod = method;
        CheckedInBy = recordedBy;
        LateMinutes = lateMinutes;
    }

    internal void CheckOut(DateTimeOffset at, string recordedBy, int earlyLeaveMinutes)
    {
        CheckedOutAt = at;
        CheckedOutBy = recordedBy;
        EarlyLeaveMinutes = earlyLeaveMinutes;
    }

    internal void MarkNoShow() => NoShow = true;
}

public enum SignupStatus
{
    Confirmed,
    Waitlisted,
    Withdrawn,
}

public static class SignupStatuses
{
    public static readonly IReadOnlyDictionary<SignupStatus, string> All = new Dictionary<SignupStatus, string>
    {
        [SignupStatus.Confirmed] = "已报名",
        [SignupStatus.Waitlisted] = "候补",
        [SignupStatus.Withdrawn] = "已退出",
    };
}

public enum CheckInMethod
{
    /// <summary>Recorded by the organiser (a leader or staff) for a named volunteer.</summary>
    Organiser,

    /// <summary>The volunteer entered the activity's code or scanned its QR code.</summary>
    Code,

    /// <summary>补录: entered after the activity from its paper sign-in sheet by the organiser named as the recorder.</summary>
    LateRecord,
}
