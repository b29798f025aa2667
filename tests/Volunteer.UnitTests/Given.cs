using CommunityPlatform.ServiceKit.Domain;
using CommunityPlatform.Volunteer.Domain;

namespace CommunityPlatform.Volunteer.UnitTests;

/// <summary>Activities, volunteers and clocks for the domain tests: a two-hour activity from 09:00 to 11:00 China time.</summary>
internal static class Given
{
    public static readonly DateTimeOffset Now = new(2026, 7, 1, 0, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset Start = new(2026, 7, 3, 9, 0, 0, CommunityTime.Offset);
    public static readonly DateTimeOffset End = Start.AddHours(2);
    public static readonly VolunteerRules Rules = VolunteerRules.Default;

    /// <summary>Someone taking a step, by account id and the name their token carries.</summary>
    public static Actor By(string id, string name = "张队长") => new(id, name);

    public static Activity Planned(int capacity = 10, string kind = "Environment", string[]? skills = null, DateTimeOffset? start = null, DateTimeOffset? end = null) =>
        Activity.Plan(Guid.NewGuid(), "G01", kind, "清理楼道杂物", null, "3栋", start ?? Start, end ?? End, capacity, skills, "leader-1", Now);

    public static Activity Published(int capacity = 10, string kind = "Environment", string[]? skills = null)
    {
        var activity = Planned(capacity, kind, skills);
        activity.Publish(Now);
        return activity;
    }

    public static VolunteerProfile Resident(params string[] skills) =>
        VolunteerProfile.Register("李志愿", null, "G01", skills, null, Now);

    public static VolunteerProfile Member() => VolunteerProfile.ForMember(Guid.NewGuid(), "G01", Now);

    public static Signup SignUp(this Activity activity, VolunteerProfile volunteer, DateTimeOffset? at = null, bool waitlist = true) =>
        activity.SignUp(volunteer, [], waitlist, at ?? Now);

    public static string RuleOf(Action action) => Assert.Throws<DomainRuleViolationException>(action).Rule;
}
