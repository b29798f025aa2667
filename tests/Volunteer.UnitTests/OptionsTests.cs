using CommunityPlatform.Volunteer.Domain;
using CommunityPlatform.Volunteer.Extensions;

namespace CommunityPlatform.Volunteer.UnitTests;

public sealed class OptionsTests
{
    [Fact]
    public void The_defaults_are_the_national_rules_as_configured_and_nonsense_is_refused()
    {
        Assert.Equal(VolunteerRules.Default, new VolunteerOptions().Rules);
        Assert.Equal(new VolunteerRules(0.6m, 0.5m, 10, 10, 30), VolunteerRules.Default);
        Assert.True(new VolunteerOptions().IsValid);
        Assert.False(new VolunteerOptions { MinimumPresenceShare = 1.2m }.IsValid);
        Assert.False(new VolunteerOptions { HoursStep = 0 }.IsValid);
        Assert.False(new VolunteerOptions { CheckInOpensMinutesBefore = -1 }.IsValid);
    }
}
