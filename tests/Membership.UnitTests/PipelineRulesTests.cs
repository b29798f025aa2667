using CommunityPlatform.Contracts.Membership;
using CommunityPlatform.Membership.Domain;
using static CommunityPlatform.Membership.UnitTests.TestData;

namespace CommunityPlatform.Membership.UnitTests;

public sealed class PipelineRulesTests
{
    private static readonly DateOnly ActivistOn = new(2023, 9, 1);
    private static readonly DateOnly AdmittedOn = new(2024, 10, 15);

    private static Applicant Activist()
    {
        var applicant = NewApplicant();
        applicant.BecomeActivist(ActivistOn, [FullMember()], Now);
        return applicant;
    }

    private static Applicant Candidate()
    {
        var applicant = Activist();
        applicant.BecomeCandidate(new DateOnly(2024, 9, 1), Now);
        return applicant;
    }

    [Fact]
    public void An_applicant_must_have_turned_eighteen_on_the_day_of_application()
    {
        // Born 1996-09-02: the 18th birthday is 2014-09-02.
        Assert.Contains("appliedOn", ErrorsOf(() => NewApplicant(new DateOnly(2014, 9, 1))).Keys);
        Assert.Equal(new DateOnly(2014, 9, 2), NewApplicant(new DateOnly(2014, 9, 2)).AppliedOn);
    }

    [Fact]
    public void An_activist_needs_one_or_two_contacts()
    {
        Assert.Contains("contactMemberIds", ErrorsOf(() => NewApplicant().BecomeActivist(ActivistOn, [], Now)).Keys);
        Assert.Contains(
            "contactMemberIds",
            ErrorsOf(() => NewApplicant().BecomeActivist(ActivistOn, [FullMember("甲"), FullMember("乙"), FullMember("丙")], Now)).Keys);
    }

    [Fact]
    public void A_contact_who_is_no_longer_a_full_member_is_refused()
    {
        var applicant = NewApplicant();

        var violation = ViolationOf(() => applicant.BecomeActivist(ActivistOn, [FullMember(), TransferredMember()], Now));

        Assert.Equal("pipeline.contact-not-full-member", violation.Rule);
        Assert.Equal(PipelineStage.Applicant, applicant.Stage);
    }

    [Fact]
    public void A_step_may_not_predate_the_previous_one_nor_lie_in_the_future()
    {
        var applicant = NewApplicant(new DateOnly(2023, 3, 1));

        Assert.Contains("on", ErrorsOf(() => applicant.BecomeActivist(new DateOnly(2023, 2, 28), [FullMember()], Now)).Keys);
        Assert.Contains("on", ErrorsOf(() => applicant.BecomeActivist(Today.AddDays(1), [FullMember()], Now)).Keys);
        Assert.Equal(PipelineStage.Applicant, applicant.Stage);
    }

    [Fact]
    public void Becoming_a_candidate_the_day_before_the_first_anniversary_as_activist_is_refused_with_the_earliest_date()
    {
        var applicant = Activist();

        var violation = ViolationOf(() => applicant.BecomeCandidate(new DateOnly(2024, 8, 31), Now));

        Assert.Equal("pipeline.activist-one-year", violation.Rule);
        Assert.Equal("2024-09-01", violation.Details["earliestAllowedOn"]);
        Assert.Equal<(PipelineStage?, DateOnly?)>((PipelineStage.Candidate, new DateOnly(2024, 9, 1)), applicant.NextStep());
        Assert.Equal(PipelineStage.Activist, applicant.Stage);
        Assert.Null(applicant.CandidateOn);
    }

    [Fact]
    public void Becoming_a_candidate_on_the_first_anniversary_as_activist_is_accepted()
    {
        var applicant = Activist();

        applicant.BecomeCandidate(new DateOnly(2024, 9, 1), Now);

        Assert.Equal(PipelineStage.Candidate, applicant.Stage);
        Assert.Equal(new DateOnly(2024, 9, 1), applicant.CandidateOn);
    }

    [Fact]
    public void Steps_taken_out_of_order_are_refused_naming_the_current_stage()
    {
        var applicant = NewApplicant();

        var candidacy = ViolationOf(() => applicant.BecomeCandidate(new DateOnly(2025, 1, 1), Now));
        var admission = ViolationOf(() => Activist().Admit(new DateOnly(2025, 1, 1), [FullMember("甲"), FullMember("乙")], Now));
        var extension = ViolationOf(() => Candidate().ExtendProbation(6));

        Assert.Equal("pipeline.order", candidacy.Rule);
        Assert.Equal("Applicant", candidacy.Details["currentStage"]);
        Assert.Equal("pipeline.order", admission.Rule);
        Assert.Equal("Activist", admission.Details["currentStage"]);
        Assert.Equal("pipeline.order", extension.Rule);
        Assert.Equal("Candidate", extension.Details["currentStage"]);
    }

    [Fact]
    public void Admission_needs_exactly_two_sponsors()
    {
        Assert.Contains("sponsorMemberIds", ErrorsOf(() => Candidate().Admit(AdmittedOn, [FullMember()], Now)).Keys);
        Assert.Contains(
            "sponsorMemberIds",
            ErrorsOf(() => Candidate().Admit(AdmittedOn, [FullMember("甲"), FullMember("乙"), FullMember("丙")], Now)).Keys);
    }

    [Fact]
    public void A_probationary_member_cannot_sponsor_an_admission()
    {
        var (_, probationary) = Admitted(AdmittedOn);
        var applicant = Candidate();

        var violation = ViolationOf(() => applicant.Admit(AdmittedOn, [FullMember(), probationary], Now));

        Assert.Equal("pipeline.sponsor-not-full-member", violation.Rule);
        Assert.Equal(PipelineStage.Candidate, applicant.Stage);
        Assert.Null(applicant.MemberId);
    }

    [Fact]
    public void Admission_creates_a_probationary_member_whose_probation_ends_a_year_later()
    {
        var applicant = Candidate();
        var sponsors = new[] { FullMember("王秀英"), FullMember("刘志刚") };

        var member = applicant.Admit(AdmittedOn, sponsors, Now);
        var registered = Assert.IsType<MemberRegistered>(Assert.Single(member.Events));

        Assert.Equal(PipelineStage.Probationary, applicant.Stage);
        Assert.Equal(new DateOnly(2025, 10, 15), applicant.ProbationEndsOn);
        Assert.Equal(member.Id, applicant.MemberId);
        Assert.Equal(sponsors.Select(s => s.Id), applicant.SponsorMemberIds);
        Assert.Equal(MemberStatus.Probationary, member.Status);
        Assert.Equal(AdmittedOn, member.StatusSince);
        Assert.Null(member.JoinedOn);
        Assert.Equal(("陈晓梅", "DZB-01", "G05"), (member.Name, member.OrganisationCode, member.GridCode));
        Assert.Equal(member.Id, registered.MemberId);
    }

    [Fact]
    public void Full_membership_the_day_before_the_end_of_probation_is_refused_with_the_earliest_date()
    {
        var (applicant, member) = Admitted(AdmittedOn);

        var violation = ViolationOf(() => applicant.BecomeFull(new DateOnly(2025, 10, 14), member, Now));

        Assert.Equal("pipeline.probation-one-year", violation.Rule);
        Assert.Equal("2025-10-15", violation.Details["earliestAllowedOn"]);
        Assert.Equal(PipelineStage.Probationary, applicant.Stage);
        Assert.Equal(MemberStatus.Probationary, member.Status);
    }

    [Fact]
    public void Full_membership_on_the_first_anniversary_of_admission_changes_the_member_and_starts_party_standing()
    {
        var (applicant, member) = Admitted(AdmittedOn);

        applicant.BecomeFull(new DateOnly(2025, 10, 15), member, Now);
        var changed = Assert.IsType<MemberStatusChanged>(member.Events[^1]);

        Assert.Equal(PipelineStage.Full, applicant.Stage);
        Assert.Equal(new DateOnly(2025, 10, 15), applicant.FullOn);
        Assert.Equal(MemberStatus.Full, member.Status);
        Assert.Equal(new DateOnly(2025, 10, 15), member.JoinedOn);
        Assert.Equal(("Probationary", "Full", true), (changed.PreviousStatus, changed.Status, changed.Active));
        Assert.Equal(new DateOnly(2025, 10, 15), changed.EffectiveOn);
        Assert.Equal(member.Id, changed.MemberId);
        Assert.False(applicant.InProgress);
    }

    [Theory]
    [InlineData(6, "2026-04-15")]
    [InlineData(12, "2026-10-15")]
    public void An_extension_of_six_to_twelve_months_moves_the_end_of_probation(int months, string expectedEnd)
    {
        var (applicant, _) = Admitted(AdmittedOn);

        applicant.ExtendProbation(months);

        Assert.True(applicant.ProbationExtended);
        Assert.Equal(DateOnly.Parse(expectedEnd), applicant.ProbationEndsOn);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(5)]
    [InlineData(13)]
    public void An_extension_outside_six_to_twelve_months_is_refused(int? months)
    {
        var (applicant, _) = Admitted(AdmittedOn);

        Assert.Contains("months", ErrorsOf(() => applicant.ExtendProbation(months)).Keys);
        Assert.False(applicant.ProbationExtended);
        Assert.Equal(new DateOnly(2025, 10, 15), applicant.ProbationEndsOn);
    }

    [Fact]
    public void Probation_can_be_extended_only_once()
    {
        var (applicant, _) = Admitted(AdmittedOn);
        applicant.ExtendProbation(6);

        Assert.Equal("pipeline.probation-extended-once", ViolationOf(() => applicant.ExtendProbation(6)).Rule);
        Assert.Equal(new DateOnly(2026, 4, 15), applicant.ProbationEndsOn);
    }

    [Fact]
    public void After_an_extension_full_membership_waits_for_the_extended_end()
    {
        var (applicant, member) = Admitted(AdmittedOn);
        applicant.ExtendProbation(6);

        var violation = ViolationOf(() => applicant.BecomeFull(new DateOnly(2026, 4, 14), member, Now));
        applicant.BecomeFull(new DateOnly(2026, 4, 15), member, Now);

        Assert.Equal("pipeline.probation-one-year", violation.Rule);
        Assert.Equal("2026-04-15", violation.Details["earliestAllowedOn"]);
        Assert.Equal(MemberStatus.Full, member.Status);
    }

    [Fact]
    public void Cancelling_during_probation_cancels_the_probationary_membership()
    {
        var (applicant, member) = Admitted(AdmittedOn);

        applicant.Cancel(new DateOnly(2025, 3, 1), "  不履行党员义务 ", member, Now);
        var changed = member.Events.OfType<MemberStatusChanged>().SingleOrDefault();

        Assert.NotNull(changed);
        Assert.Equal(("Probationary", "ProbationCancelled", false), (changed.PreviousStatus, changed.Status, changed.Active));
        Assert.Equal(new DateOnly(2025, 3, 1), changed.EffectiveOn);
        Assert.Equal(MemberStatus.ProbationCancelled, member.Status);
        Assert.False(member.IsActive);
        Assert.Equal(PipelineStage.Cancelled, applicant.Stage);
        Assert.Equal("不履行党员义务", applicant.CancellationReason);
    }

    [Fact]
    public void Cancelling_before_admission_only_ends_the_pipeline_and_it_cannot_be_ended_twice()
    {
        var applicant = Activist();

        // Before admission there is no member record, so nothing changes there and nothing is announced.
        applicant.Cancel(new DateOnly(2024, 1, 5), "本人申请撤回", null, Now);

        Assert.Equal(PipelineStage.Cancelled, applicant.Stage);
        Assert.Equal(new DateOnly(2024, 1, 5), applicant.CancelledOn);
        Assert.Equal(((PipelineStage?)null, (DateOnly?)null), applicant.NextStep());
        Assert.Equal("pipeline.stage", ViolationOf(() => applicant.Cancel(new DateOnly(2024, 1, 6), "重复", null, Now)).Rule);
    }

    [Fact]
    public void A_probationary_member_who_transferred_out_cannot_be_made_full_and_one_who_died_keeps_that_status()
    {
        var (applicant, member) = Admitted(new DateOnly(2025, 3, 1));
        member.TransferOut(new DateOnly(2025, 5, 1), "外县", Now);
        Assert.Equal("member.status", ViolationOf(() => applicant.BecomeFull(new DateOnly(2026, 3, 1), member, Now)).Rule);
        Assert.Equal(MemberStatus.TransferredOut, member.Status);
        Assert.Equal(PipelineStage.Probationary, applicant.Stage);

        var (other, deceased) = Admitted(new DateOnly(2025, 3, 1));
        deceased.MarkDeceased(new DateOnly(2025, 8, 1), Now);
        Assert.Equal("member.status", ViolationOf(() => other.Cancel(new DateOnly(2025, 9, 1), "取消", deceased, Now)).Rule);
        Assert.Equal(MemberStatus.Deceased, deceased.Status);
    }

    [Fact]
    public void The_last_steps_refuse_a_member_record_that_is_not_the_applicants_own()
    {
        var (applicant, _) = Admitted(new DateOnly(2025, 3, 1));
        var (_, stranger) = Admitted(new DateOnly(2025, 3, 1));
        Assert.Throws<ArgumentException>(() => applicant.BecomeFull(new DateOnly(2026, 3, 1), stranger, Now));
        Assert.Equal(MemberStatus.Probationary, stranger.Status);
    }
}
