using CommunityPlatform.Membership.Domain;
using CommunityPlatform.ServiceKit.Domain;

namespace CommunityPlatform.Membership.UnitTests;

/// <summary>Builds the aggregates the rules are tested on, all at the same fixed instant.</summary>
internal static class TestData
{
    public static readonly DateTimeOffset Now = new(2026, 6, 30, 2, 0, 0, TimeSpan.Zero);

    public static readonly DateOnly Today = new(2026, 6, 30);

    public static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    public static Organisation GeneralBranch(string code = "DZZ") =>
        Organisation.Create(code, "社区党总支", "GeneralBranch", null, Now);

    public static Organisation Branch(string code = "DZB-01", Organisation? parent = null) =>
        Organisation.Create(code, "第一党支部", "Branch", parent, Now);

    public static Member FullMember(string name = "李建华", string organisationCode = "DZB-01", DateOnly? joinedOn = null) =>
        Member.Register(name, "男", new DateOnly(1975, 4, 18), "本科", null, organisationCode, "G03", Now, joinedOn);

    public static Member TransferredMember()
    {
        var member = FullMember("赵国强");
        member.TransferOut(new DateOnly(2026, 1, 10), "县城关镇党委", Now);
        return member;
    }

    public static Applicant NewApplicant(DateOnly? appliedOn = null) =>
        Applicant.Apply("陈晓梅", "女", new DateOnly(1996, 9, 2), "大专", null, "G05", Branch(), appliedOn ?? new DateOnly(2023, 3, 1), Now);

    /// <summary>An applicant admitted on <paramref name="admittedOn"/>, with the probationary member record.</summary>
    public static (Applicant Applicant, Member Member) Admitted(DateOnly admittedOn)
    {
        var applicant = NewApplicant();
        applicant.BecomeActivist(new DateOnly(2023, 9, 1), [FullMember()], Now);
        applicant.BecomeCandidate(new DateOnly(2024, 9, 1), Now);
        var member = applicant.Admit(admittedOn, [FullMember("王秀英"), FullMember("刘志刚")], Now);
        return (applicant, member);
    }

    public static IReadOnlyDictionary<string, string[]> ErrorsOf(Action action) =>
        Assert.Throws<DomainValidationException>(action).Errors;

    public static DomainRuleViolationException ViolationOf(Action action) =>
        Assert.Throws<DomainRuleViolationException>(action);
}
