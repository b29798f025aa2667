using CommunityPlatform.Contracts.Volunteer;
using CommunityPlatform.Messaging.Outbox;
using CommunityPlatform.ServiceKit.Domain;

namespace CommunityPlatform.Volunteer.Domain;

/// <summary>
/// A service-hour record (志愿服务记录) for one volunteer at one activity: the attendance it was computed from, the
/// hours, who recorded it and when, and who approved it. Hours are credited (and announced) once, on approval.
/// </summary>
public sealed class ServiceRecord : AggregateRoot
{
    public const int ReasonMaxLength = 200;

    private ServiceRecord()
    {
    }

    public Guid Id { get; private set; }

    public Guid ActivityId { get; private set; }

    public Guid VolunteerId { get; private set; }

    /// <summary>The community's date the activity started on.</summary>
    public DateOnly ServedOn { get; private set; }

    public DateTimeOffset CheckedInAt { get; private set; }

    public DateTimeOffset CheckedOutAt { get; private set; }

    /// <summary>Minutes present inside the activity's window.</summary>
    public int PresentMinutes { get; private set; }

    /// <summary>The activity window's length, the most an adjustment may credit.</summary>
    public int ScheduledMinutes { get; private set; }

    /// <summary>Share of the window the volunteer was present, three decimals.</summary>
    public decimal PresenceShare { get; private set; }

    /// <summary>What the rules give; <see cref="Hours"/> differs only after an adjustment with a reason.</summary>
    public decimal ComputedHours { get; private set; }

    public decimal Hours { get; private set; }

    public ServiceRecordStatus Status { get; private set; }

    /// <summary>The recorder's account id; <see cref="RecordedByName"/> is what people read.</summary>
    public string RecordedBy { get; private set; } = "";

    /// <summary>The recorder's name when the record was made; null on records made before names were kept.</summary>
    public string? RecordedByName { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    public string? ApprovedBy { get; private set; }

    public string? ApprovedByName { get; private set; }

    public DateTimeOffset? ApprovedAt { get; private set; }

    public string? AdjustmentReason { get; private set; }

    /// <summary>Records of service on one of <paramref name="days"/>: hours count in the period the service was given, whenever approved.</summary>
    public static IQueryable<ServiceRecord> ServedWithin(IQueryable<ServiceRecord> records, DayRange days) => records.Where(days.Covers<ServiceRecord>(r => r.ServedOn));

    internal static ServiceRecord Settle(Activity activity, Signup signup, VolunteerRules rules, Actor actor, DateTimeOffset now)
    {
        var presence = ServiceHours.Measure(activity.StartsAt, activity.EndsAt, signup.CheckedInAt!.Value, signup.CheckedOutAt!.Value);
        var hours = ServiceHours.Credit(presence, rules);
        return new ServiceRecord
        {
            Id = Guid.CreateVersion7(now),
            ActivityId = activity.Id,
            VolunteerId = signup.VolunteerId,
            ServedOn = CommunityTime.DateOf(activity.StartsAt),
            CheckedInAt = signup.CheckedInAt.Value,
            CheckedOutAt = signup.CheckedOutAt.Value,
            PresentMinutes = presence.Minutes,
            ScheduledMinutes = (int)(activity.EndsAt - activity.StartsAt).TotalMinutes,
            PresenceShare = Math.Round(presence.Share, 3),
            ComputedHours = hours,
            Hours = hours,
            Status = ServiceRecordStatus.Pending,
            RecordedBy = actor.Id,
            RecordedByName = actor.Name,
            RecordedAt = now,
        };
    }

    /// <summary>Approves the hours as computed, announcing the credit unless there are no hours to credit.</summary>
    public void Approve(VolunteerProfile volunteer, Actor actor, DateTimeOffset now)
    {
        RequirePending();
        Credit(volunteer, actor, now);
    }

    /// <summary>Approves different hours than computed (e.g. a volunteer who forgot to check out); the reason is kept with the record.</summary>
    public void Adjust(decimal? hours, string? reason, VolunteerProfile volunteer, Actor actor, DateTimeOffset now)
    {
        var validation = new Validation();
        validation.RequireGiven(hours, "hours");
        validation.Require(hours is null || (hours >= 0 && hours * 60 <= ScheduledMinutes), "hours",
            ValidationFailure.Range(0, ScheduledMinutes / 60m, $"must be from 0 to the activity's length ({ScheduledMinutes / 60m:0.##} h)."));
        validation.Require(hours is null || decimal.Round(hours.Value, 2) == hours, "hours", ValidationFailure.Of(ValidationCodes.Precision, "may have at most two decimals."));
        validation.RequireText(reason, "reason", ReasonMaxLength);
        validation.ThrowIfInvalid();
        RequirePending();
        Hours = hours!.Value;
        AdjustmentReason = reason!.Trim();
        Credit(volunteer, actor, now);
    }

    private void Credit(VolunteerProfile volunteer, Actor actor, DateTimeOffset now)
    {
        Status = ServiceRecordStatus.Approved;
        ApprovedBy = actor.Id;
        ApprovedByName = actor.Name;
        ApprovedAt = now;
        // Nothing to credit for a record the rules gave no hours; it stays as the record of attendance.
        if (Hours > 0)
        {
            Raise(new VolunteerHoursCredited
            {
                EventId = Guid.CreateVersion7(now), OccurredAt = now, ServiceRecordId = Id, VolunteerId = VolunteerId,
                MemberId = volunteer.IsPartyMember ? volunteer.MemberId : null, ActivityId = ActivityId, Hours = Hours, ServedOn = ServedOn,
            });
        }
    }

    private void RequirePending()
    {
        if (Status != ServiceRecordStatus.Pending)
        {
            throw new DomainRuleViolationException("hours.already-approved", "These hours were already approved; an approved record is final.");
        }
    }
}

public enum ServiceRecordStatus
{
    Pending,
    Approved,
}

public static class ServiceRecordStatuses
{
    public static readonly IReadOnlyDictionary<ServiceRecordStatus, string> All = new Dictionary<ServiceRecordStatus, string>
    {
        [ServiceRecordStatus.Pending] = "待审核",
        [ServiceRecordStatus.Approved] = "已审核",
    };
}
