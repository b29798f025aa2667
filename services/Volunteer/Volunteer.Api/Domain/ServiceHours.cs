namespace CommunityPlatform.Volunteer.Domain;

/// <summary>
/// Service hours by the national volunteer-record rules (志愿服务记录与证明出具办法): the time actually served, from
/// check-in to check-out to the nearest minute, counted only inside the activity's window; nothing for a volunteer present for less than
/// the minimum share of the window; and whole steps only (by default half hours), a remainder under one step
/// dropped, so a record or certificate never states more than was served.
/// </summary>
public static class ServiceHours
{
    public static Presence Measure(DateTimeOffset startsAt, DateTimeOffset endsAt, DateTimeOffset checkedInAt, DateTimeOffset checkedOutAt)
    {
        var from = checkedInAt > startsAt ? checkedInAt : startsAt;
        var to = checkedOutAt < endsAt ? checkedOutAt : endsAt;
        // To the nearest minute, as a paper record would have it: checking in a second after the start costs nothing.
        var minutes = to > from ? (int)Math.Round((to - from).TotalMinutes, MidpointRounding.AwayFromZero) : 0;
        var window = (int)Math.Round((endsAt - startsAt).TotalMinutes, MidpointRounding.AwayFromZero);
        return new Presence(minutes, window == 0 ? 0m : (decimal)minutes / window);
    }

    public static decimal Credit(Presence presence, VolunteerRules rules)
    {
        if (presence.Share < rules.MinimumPresenceShare)
        {
            return 0m;
        }

        return Math.Floor(presence.Minutes / 60m / rules.HoursStep) * rules.HoursStep;
    }
}

/// <summary>Minutes present inside the activity's window (to the nearest minute), and their share of the window (0 to 1).</summary>
public readonly record struct Presence(int Minutes, decimal Share);
