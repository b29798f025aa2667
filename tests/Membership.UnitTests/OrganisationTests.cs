using CommunityPlatform.Membership.Domain;
using static CommunityPlatform.Membership.UnitTests.TestData;

namespace CommunityPlatform.Membership.UnitTests;

public sealed class OrganisationTests
{
    private static Organisation Create(string kind, Organisation? parent) => Organisation.Create("X-01", "组织", kind, parent, Now);

    [Fact]
    public void The_tree_is_general_branch_then_branch_then_party_group_and_kinds_parse_by_label()
    {
        var general = Organisation.Create(" DZZ ", " 社区党总支 ", "党总支", null, Now);
        var branch = Organisation.Create("DZB-01", "第一党支部", "Branch", general, Now);
        var group = Organisation.Create("DXZ-01", "第一党小组", "党小组", branch, Now);

        Assert.Equal(("DZZ", "社区党总支", OrganisationKind.GeneralBranch, (string?)null), (general.Code, general.Name, general.Kind, general.ParentCode));
        Assert.Equal((OrganisationKind.Branch, "DZZ"), (branch.Kind, branch.ParentCode));
        Assert.Equal((OrganisationKind.PartyGroup, "DZB-01"), (group.Kind, group.ParentCode));
        Assert.Null(Create("Branch", null).ParentCode);
    }

    [Theory]
    [InlineData("GeneralBranch", "GeneralBranch")]
    [InlineData("GeneralBranch", "Branch")]
    [InlineData("Branch", "Branch")]
    [InlineData("Branch", "PartyGroup")]
    [InlineData("PartyGroup", "GeneralBranch")]
    [InlineData("PartyGroup", "PartyGroup")]
    [InlineData("PartyGroup", null)]
    public void An_organisation_under_the_wrong_kind_of_parent_is_refused(string kind, string? parentKind)
    {
        var parent = parentKind switch
        {
            null => null,
            "GeneralBranch" => GeneralBranch(),
            "Branch" => Branch(parent: GeneralBranch()),
            _ => Organisation.Create("DXZ-09", "党小组", "PartyGroup", Branch(), Now),
        };

        Assert.Equal("organisation.parent-kind", ViolationOf(() => Create(kind, parent)).Rule);
    }

    [Fact]
    public void An_unknown_kind_is_refused_as_invalid_input() =>
        Assert.Contains("kind", ErrorsOf(() => Organisation.Create("X-01", "组织", "党委", null, Now)).Keys);

    [Fact]
    public void An_election_starts_a_term_that_ends_the_day_before_its_anniversary()
    {
        var branch = Branch();
        Assert.Null(branch.TermEndsOn(3));

        branch.RecordElection(new DateOnly(2026, 3, 15), Today);

        Assert.Equal(new DateOnly(2026, 3, 15), branch.TermStartedOn);
        Assert.Equal(new DateOnly(2031, 3, 14), branch.TermEndsOn(5));
        Assert.Equal(new DateOnly(2029, 3, 14), branch.TermEndsOn(3));
    }

    [Fact]
    public void An_election_may_not_lie_in_the_future_nor_predate_the_current_term()
    {
        var branch = Branch();
        branch.RecordElection(new DateOnly(2026, 3, 15), Today);

        Assert.Contains("heldOn", ErrorsOf(() => branch.RecordElection(Today.AddDays(1), Today)).Keys);
        Assert.Equal("organisation.election-order", ViolationOf(() => branch.RecordElection(new DateOnly(2026, 3, 14), Today)).Rule);
        Assert.Equal(new DateOnly(2026, 3, 15), branch.TermStartedOn);

        branch.RecordElection(Today, Today);
        Assert.Equal(Today, branch.TermStartedOn);
    }

    private static readonly DateTimeOffset December = new(2026, 12, 7, 2, 0, 0, TimeSpan.Zero);

    private static readonly DateOnly DecemberDay = new(2026, 12, 7);

    private static readonly Cadence CommitteeMeetings = Cadence.Rules.Single(c => c.Kind == MeetingKind.CommitteeMeeting);

    private static Organisation EnteredInDecember(DateOnly? foundedOn, string kind = "Branch") =>
        Organisation.Create("DZB-07", "第七党支部", kind, kind == "Branch" ? null : Branch(), December, foundedOn);

    private static string[] Missed(Organisation organisation, DateOnly since, params DateOnly[] heldOn) =>
        [.. organisation.MissedPeriods(CommitteeMeetings, heldOn, since, DecemberDay).Select(w => w.Label)];

    [Fact]
    public void A_branch_founded_in_july_and_entered_in_december_missed_every_month_from_july_to_november()
    {
        var branch = EnteredInDecember(new DateOnly(2026, 7, 1));

        Assert.Equal(new DateOnly(2026, 7, 1), branch.FoundedOn);
        Assert.Equal(["2026-07", "2026-08", "2026-09", "2026-10", "2026-11"], Missed(branch, new DateOnly(2026, 6, 1)));
        Assert.Equal(["2026-07", "2026-09", "2026-10"], Missed(branch, new DateOnly(2026, 6, 1), new DateOnly(2026, 8, 31), new DateOnly(2026, 11, 1)));
    }

    [Fact]
    public void Cadences_are_judged_from_the_later_of_the_founding_date_and_since_in_whole_periods_only()
    {
        var midMonth = EnteredInDecember(new DateOnly(2026, 7, 15));

        Assert.Equal(new DateOnly(2026, 7, 15), midMonth.CadenceJudgedFrom(new DateOnly(2026, 6, 1)));
        Assert.Equal(["2026-08", "2026-09", "2026-10", "2026-11"], Missed(midMonth, new DateOnly(2026, 6, 1)));
        Assert.Equal(new DateOnly(2026, 10, 1), midMonth.CadenceJudgedFrom(new DateOnly(2026, 10, 1)));
        Assert.Equal(["2026-10", "2026-11"], Missed(midMonth, new DateOnly(2026, 10, 1)));
    }

    [Fact]
    public void Without_a_founding_date_an_organisation_is_judged_from_the_day_it_was_entered_and_a_party_group_never()
    {
        var entered = EnteredInDecember(null);

        Assert.Equal(DecemberDay, entered.FoundedOn);
        Assert.Empty(Missed(entered, new DateOnly(2026, 6, 1)));
        Assert.Empty(Missed(EnteredInDecember(new DateOnly(2026, 7, 1), "PartyGroup"), new DateOnly(2026, 6, 1)));
    }

    [Fact]
    public void The_founding_date_may_not_lie_in_the_future_and_may_be_corrected_later()
    {
        Assert.Contains("foundedOn", ErrorsOf(() => EnteredInDecember(DecemberDay.AddDays(1))).Keys);
        var branch = EnteredInDecember(null);

        Assert.Contains("foundedOn", ErrorsOf(() => branch.ChangeFoundedOn(DecemberDay.AddDays(1), DecemberDay)).Keys);
        Assert.Contains("foundedOn", ErrorsOf(() => branch.ChangeFoundedOn(null, DecemberDay)).Keys);
        Assert.Equal(DecemberDay, branch.FoundedOn);

        branch.ChangeFoundedOn(new DateOnly(2026, 7, 1), DecemberDay);
        Assert.Equal(new DateOnly(2026, 7, 1), branch.FoundedOn);
    }
}
