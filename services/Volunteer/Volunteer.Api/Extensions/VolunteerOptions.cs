using CommunityPlatform.Volunteer.Domain;

namespace CommunityPlatform.Volunteer.Extensions;

/// <summary>The volunteer service's settings (section <c>Volunteer</c>): the attendance and service-hour rules.</summary>
public sealed class VolunteerOptions
{
    /// <summary>A volunteer present for less than this share of the activity gets no hours (0 to 1).</summary>
    public decimal MinimumPresenceShare { get; set; } = VolunteerRules.Default.MinimumPresenceShare;

    /// <summary>Hours are counted in whole steps of this many hours; a remainder under one step is dropped.</summary>
    public decimal HoursStep { get; set; } = VolunteerRules.Default.HoursStep;

    /// <summary>Arriving up to this many minutes after the start is not recorded as late.</summary>
    public int LateGraceMinutes { get; set; } = VolunteerRules.Default.LateGraceMinutes;

    /// <summary>Leaving up to this many minutes before the end is not recorded as early.</summary>
    public int EarlyLeaveGraceMinutes { get; set; } = VolunteerRules.Default.EarlyLeaveGraceMinutes;

    /// <summary>Check-in opens this many minutes before the activity starts.</summary>
    public int CheckInOpensMinutesBefore { get; set; } = VolunteerRules.Default.CheckInOpensMinutesBefore;

    /// <summary>How long after an activity it may still be entered late (补录), in days: a year, so each year's certificates are complete.</summary>
    public int LateRecordMaxAgeDays { get; set; } = 366;

    public VolunteerRules Rules => new(MinimumPresenceShare, HoursStep, LateGraceMinutes, EarlyLeaveGraceMinutes, CheckInOpensMinutesBefore);

    /// <summary>Settings that would make the rules meaningless stop the service at start-up instead.</summary>
    public bool IsValid =>
        MinimumPresenceShare is >= 0 and <= 1 && HoursStep is > 0 and <= 8 && LateGraceMinutes >= 0 && EarlyLeaveGraceMinutes >= 0 && CheckInOpensMinutesBefore >= 0 && LateRecordMaxAgeDays > 0;
}
