using CommunityPlatform.ServiceKit.Domain;
using CommunityPlatform.Volunteer.Domain;

namespace CommunityPlatform.Volunteer.UnitTests;

public sealed class SignupTests
{
    [Fact]
    public void Places_are_confirmed_up_to_capacity_then_volunteers_wait_in_line_or_are_refused_when_they_do_not_want_to_wait()
    {
        var activity = Given.Published(capacity: 2);
        var (a, b, c, d) = (Given.Resident(), Given.Resident(), Given.Resident(), Given.Resident());

        Assert.Equal(SignupStatus.Confirmed, activity.SignUp(a).Status);
        Assert.Equal(SignupStatus.Confirmed, activity.SignUp(b).Status);
        Assert.Equal(SignupStatus.Waitlisted, activity.SignUp(c).Status);
        var refused = Assert.Throws<DomainRuleViolationException>(() => activity.SignUp(d, waitlist: false));

        Assert.Equal("signup.full", refused.Rule);
        Assert.Equal(2, refused.Details["capacity"]);
        Assert.Equal(2, activity.ConfirmedCount);
        Assert.Single(activity.Waitlist);
    }

    [Fact]
    public void A_withdrawal_gives_the_place_to_the_first_in_line_and_a_waiting_volunteer_who_withdraws_frees_no_place()
    {
        var activity = Given.Published(capacity: 1);
        var (holder, first, second) = (Given.Resident(), Given.Resident(), Given.Resident());
        activity.SignUp(holder);
        activity.SignUp(first, Given.Now.AddMinutes(1));
        activity.SignUp(second, Given.Now.AddMinutes(2));

        var promoted = activity.Withdraw(holder.Id, Given.Now.AddMinutes(3));

        Assert.NotNull(promoted);
        Assert.Equal(first.Id, promoted.VolunteerId);
        Assert.Equal(SignupStatus.Confirmed, promoted.Status);
        Assert.Equal(Given.Now.AddMinutes(3), promoted.PromotedAt);
        Assert.Equal(second.Id, Assert.Single(activity.Waitlist).VolunteerId);
        Assert.Null(activity.Withdraw(second.Id, Given.Now.AddMinutes(4)));
        Assert.Equal(1, activity.ConfirmedCount);
        Assert.Equal("signup.not-signed-up", Given.RuleOf(() => activity.Withdraw(holder.Id, Given.Now.AddMinutes(5))));
    }

    [Fact]
    public void A_volunteer_who_withdrew_may_sign_up_again_and_joins_the_end_of_the_line()
    {
        var activity = Given.Published(capacity: 1);
        var (holder, waiting) = (Given.Resident(), Given.Resident());
        activity.SignUp(holder);
        activity.SignUp(waiting, Given.Now.AddMinutes(1));
        activity.Withdraw(holder.Id, Given.Now.AddMinutes(2));

        var again = activity.SignUp(holder, Given.Now.AddMinutes(3));

        Assert.Equal(SignupStatus.Waitlisted, again.Status);
        Assert.Equal(2, activity.Signups.Count);
    }

    [Fact]
    public void A_sign_up_overlapping_another_commitment_is_refused_naming_it_and_back_to_back_activities_are_fine()
    {
        var activity = Given.Published();
        var other = Guid.NewGuid();
        var overlapping = new Commitment(other, Given.Start.AddHours(-1), Given.Start.AddMinutes(1));
        var before = new Commitment(Guid.NewGuid(), Given.Start.AddHours(-2), Given.Start);
        var after = new Commitment(Guid.NewGuid(), Given.End, Given.End.AddHours(1));

        var refused = Assert.Throws<DomainRuleViolationException>(() => activity.SignUp(Given.Resident(), [before, overlapping], true, Given.Now));
        Assert.Equal("signup.overlap", refused.Rule);
        Assert.Equal(other, refused.Details["activityId"]);

        Assert.Equal(SignupStatus.Confirmed, activity.SignUp(Given.Resident(), [before, after], true, Given.Now).Status);
    }

    [Fact]
    public void A_volunteer_without_every_required_skill_is_refused_with_the_missing_ones_and_skills_match_ignoring_case()
    {
        var activity = Given.Published(skills: ["急救", "CPR", "手语"]);

        var refused = Assert.Throws<DomainRuleViolationException>(() => activity.SignUp(Given.Resident("急救")));

        Assert.Equal("signup.skills-missing", refused.Rule);
        Assert.Equal(["CPR", "手语"], (IReadOnlyList<string>)refused.Details["missingSkills"]!);
        Assert.Contains("CPR、手语", refused.Message);
        Assert.Equal(SignupStatus.Confirmed, activity.SignUp(Given.Resident(" 手语 ", "cpr", "急救", "电工")).Status);
    }

    [Fact]
    public void Sign_up_is_open_only_while_published_before_the_start_once_per_volunteer_and_for_active_volunteers()
    {
        var volunteer = Given.Resident();
        Assert.Equal("signup.not-open", Given.RuleOf(() => Given.Planned().SignUp(volunteer)));

        var activity = Given.Published();
        Assert.Equal("signup.closed", Given.RuleOf(() => activity.SignUp(volunteer, Given.Start)));
        activity.SignUp(volunteer);
        Assert.Equal("signup.duplicate", Given.RuleOf(() => activity.SignUp(volunteer)));

        var departed = Given.Member();
        departed.ApplyMemberStatus("TransferredOut", false, Given.Now);
        Assert.Equal("signup.volunteer-inactive", Given.RuleOf(() => activity.SignUp(departed)));

        activity.Cancel("暴雨预警", Given.Now);
        Assert.Equal("signup.not-open", Given.RuleOf(() => activity.SignUp(Given.Resident())));
    }
}
