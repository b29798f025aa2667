using CommunityPlatform.Membership.Domain;
using CommunityPlatform.ServiceKit.Domain;

namespace CommunityPlatform.Membership.UnitTests;

public sealed class MemberRegistrationTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 30, 2, 0, 0, TimeSpan.Zero);

    private static (Member Member, Contracts.Membership.MemberRegistered Registered) Register(
        string? name = "李建华", string? gender = "男", DateOnly? birthDate = null, string? education = "本科",
        string? phone = null, string? organisation = "DZB-01", string? grid = "G03")
    {
        var member = Member.Register(name, gender, birthDate ?? new DateOnly(1988, 3, 12), education, phone, organisation, grid, Now);
        return (member, Assert.IsType<Contracts.Membership.MemberRegistered>(Assert.Single(member.Events)));
    }

    private static IReadOnlyDictionary<string, string[]> ErrorsOf(Action register) =>
        Assert.Throws<DomainValidationException>(register).Errors;

    [Fact]
    public void A_valid_member_is_registered_with_an_event_that_carries_no_personal_data()
    {
        var (member, registered) = Register(name: "  王秀英 ", gender: "女", education: "大专", phone: "13812345678");

        Assert.Equal("王秀英", member.Name);
        Assert.Equal(Gender.Female, member.Gender);
        Assert.Equal(Education.College, member.Education);
        Assert.Equal(MemberStatus.Full, member.Status);
        Assert.Equal(member.Id, registered.MemberId);
        Assert.Equal("DZB-01", registered.OrganisationCode);
        Assert.Equal("G03", registered.GridCode);
        Assert.Equal(Now, registered.OccurredAt);
        Assert.NotEqual(Guid.Empty, registered.EventId);
        var eventProperties = typeof(Contracts.Membership.MemberRegistered).GetProperties().Select(p => p.Name);
        Assert.DoesNotContain("Name", eventProperties);
        Assert.DoesNotContain("Phone", eventProperties);
        Assert.DoesNotContain("BirthDate", eventProperties);
    }

    [Theory]
    [InlineData("Bachelor", Education.Bachelor)]
    [InlineData("postgraduate", Education.Postgraduate)]
    [InlineData("初中及以下", Education.JuniorOrBelow)]
    [InlineData("高中", Education.HighSchool)]
    public void Education_is_accepted_by_code_or_by_its_chinese_label(string input, Education expected) =>
        Assert.Equal(expected, Register(education: input).Member.Education);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void A_blank_name_is_refused(string? name) =>
        Assert.Contains("name", ErrorsOf(() => Register(name: name)).Keys);

    [Fact]
    public void A_name_longer_than_the_limit_is_refused() =>
        Assert.Contains("name", ErrorsOf(() => Register(name: new string('张', Member.NameMaxLength + 1))).Keys);

    [Fact]
    public void A_birth_date_in_the_future_is_refused_with_one_clear_rule()
    {
        var errors = ErrorsOf(() => Register(birthDate: new DateOnly(2026, 7, 1)));
        Assert.Equal(["may not be in the future."], errors["birthDate"]);
    }

    [Fact]
    public void A_member_must_be_at_least_eighteen()
    {
        Assert.Contains("birthDate", ErrorsOf(() => Register(birthDate: new DateOnly(2008, 7, 1))).Keys);
        Assert.Equal(new DateOnly(2008, 6, 30), Register(birthDate: new DateOnly(2008, 6, 30)).Member.BirthDate);
    }

    [Fact]
    public void An_unknown_education_level_is_refused_naming_the_allowed_values()
    {
        var errors = ErrorsOf(() => Register(education: "博士"));
        Assert.Contains("本科", errors["education"].Single());
    }

    [Theory]
    [InlineData("12345678901")]
    [InlineData("1381234567")]
    [InlineData("138-1234-5678")]
    public void A_phone_that_is_not_a_mainland_mobile_number_is_refused(string phone) =>
        Assert.Contains("phone", ErrorsOf(() => Register(phone: phone)).Keys);

    [Fact]
    public void Every_invalid_field_is_reported_at_once()
    {
        var errors = ErrorsOf(() => Member.Register("", "其他", null, null, null, "", "", Now));
        Assert.Equal(
            new[] { "birthDate", "education", "gender", "gridCode", "name", "organisationCode" },
            errors.Keys.Order());
    }
}
