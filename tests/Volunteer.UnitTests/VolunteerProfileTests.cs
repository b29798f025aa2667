using CommunityPlatform.ServiceKit.Domain;
using CommunityPlatform.Volunteer.Domain;

namespace CommunityPlatform.Volunteer.UnitTests;

public sealed class VolunteerProfileTests
{
    [Fact]
    public void A_resident_volunteer_needs_a_name_a_phone_is_optional_but_valid_and_skills_are_tidied()
    {
        var errors = Assert.Throws<DomainValidationException>(() => VolunteerProfile.Register(" ", "12345", "G01", [new string('x', 31)], null, Given.Now)).Errors;
        Assert.Equal(["displayName", "phone", "skills"], errors.Keys.Order());

        var volunteer = VolunteerProfile.Register(" 王芳 ", "", "G01", ["急救", " 急救 ", "手语"], " account-7 ", Given.Now);
        Assert.Equal(("王芳", null, "account-7", VolunteerSource.Direct), (volunteer.Label, volunteer.Phone, volunteer.AccountId, volunteer.Source));
        Assert.Equal(["急救", "手语"], volunteer.Skills);
    }

    [Fact]
    public void A_member_volunteer_shows_as_a_party_member_volunteer_and_not_by_name()
    {
        var member = Given.Member();
        Assert.Equal(VolunteerProfile.MemberLabel, member.Label);
        Assert.Null(member.DisplayName);
    }
}
