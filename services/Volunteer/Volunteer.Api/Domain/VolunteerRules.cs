namespace CommunityPlatform.Volunteer.Domain;

/// <summary>
/// The attendance and service-hour rules an activity is settled by, taken from configuration (section
/// <c>Volunteer</c>) so the community can follow a change in the national rules without a release.
/// </summary>
/// <param name="MinimumPresenceShare">A volunteer present for less than this share of the activity's window gets no hours.</param>
/// <param name="HoursStep">Hours are counted in whole steps of this size; a remainder under one step is dropped.</param>
/// <param name="LateGraceMinutes">Arriving up to this many minutes after the start is not recorded as late.</param>
/// <param name="EarlyLeaveGraceMinutes">Leaving up to this many minutes before the end is not recorded as early.</param>
/// <param name="CheckInOpensMinutesBefore">How long before the start check-in opens.</param>
public sealed record VolunteerRules(
    decimal MinimumPresenceShare, decimal HoursStep, int LateGraceMinutes, int EarlyLeaveGraceMinutes, int CheckInOpensMinutesBefore)
{
    public static readonly VolunteerRules Default = new(0.6m, 0.5m, 10, 10, 30);
}
