using CommunityPlatform.Contracts.Volunteer;
using CommunityPlatform.ServiceKit.Domain;
using CommunityPlatform.Volunteer.Domain;

namespace CommunityPlatform.Volunteer.UnitTests;

public sealed class ServiceHoursTests
{
    private static decimal HoursFor(int inMinutes, int outMinutes, VolunteerRules? rules = null) =>
        ServiceHours.Credit(ServiceHours.Measure(Given.Start, Given.End, Given.Start.AddMinutes(inMinutes), Given.Start.AddMinutes(outMinutes)), rules ?? Given.Rules);

    [Fact]
    public void Presence_is_clipped_to_the_activity_window()
    {
        var presence = ServiceHours.Measure(Given.Start, Given.End, Given.Start.AddMinutes(-30), Given.End.AddHours(3));

        Assert.Equal(new Presence(120, 1m), presence);
        Assert.Equal(2.0m, ServiceHours.Credit(presence, Given.Rules));
        Assert.Equal(new Presence(0, 0m), ServiceHours.Measure(Given.Start, Given.End, Given.End.AddMinutes(5), Given.End.AddMinutes(50)));
    }

    [Theory]
    [InlineData(0, 71, 0)]      // 59 % of the window: below the minimum share, nothing
    [InlineData(0, 72, 1.0)]    // exactly 60 %: 1 h 12 min holds two whole half hours
    [InlineData(0, 89, 1.0)]    // 1 h 29 min: the part of a half hour is dropped
    [InlineData(0, 90, 1.5)]
    [InlineData(1, 120, 1.5)]   // 1 h 59 min
    [InlineData(-60, 600, 2.0)] // early and late beyond the window add nothing
    public void Hours_need_the_minimum_share_and_count_whole_half_hours(int inMinutes, int outMinutes, double hours) =>
        Assert.Equal((decimal)hours, HoursFor(inMinutes, outMinutes));

    [Fact]
    public void Presence_counts_to_the_nearest_minute_so_seconds_late_cost_nothing()
    {
        var presence = ServiceHours.Measure(Given.Start, Given.End, Given.Start.AddSeconds(25), Given.End.AddSeconds(-29));

        Assert.Equal(new Presence(119, 119m / 120), presence);
        Assert.Equal(1.5m, ServiceHours.Credit(presence, Given.Rules));
        Assert.Equal(2.0m, ServiceHours.Credit(ServiceHours.Measure(Given.Start, Given.End, Given.Start.AddSeconds(25), Given.End), Given.Rules));
    }

    [Fact]
    public void The_share_and_the_step_come_from_the_rules()
    {
        Assert.Equal(1.25m, HoursFor(0, 80, Given.Rules with { MinimumPresenceShare = 0.5m, HoursStep = 0.25m }));
        Assert.Equal(0m, HoursFor(0, 80, Given.Rules with { MinimumPresenceShare = 0.7m }));
    }

    private static ServiceRecord Settled(VolunteerProfile volunteer, int minutesPresent = 120)
    {
        var activity = Given.Published();
        activity.SignUp(volunteer);
        activity.CheckIn(volunteer.Id, Given.Start, CheckInMethod.Organiser, "leader-1", Given.Rules);
        activity.CheckOut(volunteer.Id, Given.Start.AddMinutes(minutesPresent), "leader-1", Given.Rules);
        return activity.Complete(Given.By("leader-1"), Given.End, Given.Rules).Records.Single();
    }

    /// <summary>The credit approving <paramref name="record"/> announced, if any.</summary>
    private static VolunteerHoursCredited? Approve(ServiceRecord record, VolunteerProfile volunteer, Actor actor, DateTimeOffset now)
    {
        record.Approve(volunteer, actor, now);
        return record.Events.OfType<VolunteerHoursCredited>().SingleOrDefault();
    }

    [Fact]
    public void Approval_credits_the_hours_once_naming_the_member_while_they_are_a_party_member()
    {
        var member = Given.Member();
        var record = Settled(member);

        var credited = Approve(record, member, Given.By("secretary-1", "刘建华"), Given.End.AddDays(1));

        Assert.NotNull(credited);
        Assert.Equal((record.Id, member.Id, member.MemberId, 2.0m, new DateOnly(2026, 7, 3)), (credited.ServiceRecordId, credited.VolunteerId, credited.MemberId, credited.Hours, credited.ServedOn));
        Assert.Equal(("secretary-1", "刘建华", ServiceRecordStatus.Approved), (record.ApprovedBy, record.ApprovedByName, record.Status));
        Assert.Equal("hours.already-approved", Given.RuleOf(() => record.Approve(member, Given.By("secretary-1"), Given.End.AddDays(1))));
        Assert.Equal("hours.already-approved", Given.RuleOf(() => record.Adjust(1m, "补录", member, Given.By("secretary-1"), Given.End.AddDays(1))));
    }

    [Fact]
    public void A_member_whose_probation_was_cancelled_keeps_their_hours_but_no_longer_carries_a_member_id()
    {
        var member = Given.Member();
        member.ApplyMemberStatus("ProbationCancelled", false, Given.Now);

        Assert.Null(Approve(Settled(member), member, Given.By("s"), Given.End)!.MemberId);
        var resident = Given.Resident();
        Assert.Null(Approve(Settled(resident), resident, Given.By("s"), Given.End)!.MemberId);
    }

    [Fact]
    public void An_adjustment_needs_a_reason_and_hours_within_the_activity_and_a_record_of_no_hours_credits_nothing()
    {
        var volunteer = Given.Resident();
        var record = Settled(volunteer, minutesPresent: 60);
        Assert.Equal(0m, record.ComputedHours);
        Assert.Equal(0.5m, record.PresenceShare);

        var errors = Assert.Throws<DomainValidationException>(() => record.Adjust(2.5m, " ", volunteer, Given.By("s"), Given.End)).Errors;
        Assert.Equal(["hours", "reason"], errors.Keys.Order());
        Assert.Contains("hours", Assert.Throws<DomainValidationException>(() => record.Adjust(1.333m, "忘记签退", volunteer, Given.By("s"), Given.End)).Errors.Keys);

        record.Adjust(1.5m, "忘记签退，组织者核实在场", volunteer, Given.By("s"), Given.End);
        var credited = record.Events.OfType<VolunteerHoursCredited>().SingleOrDefault();
        Assert.Equal((1.5m, 0m, "忘记签退，组织者核实在场"), (credited!.Hours, record.ComputedHours, record.AdjustmentReason));

        var absentMinded = Given.Resident();
        Assert.Null(Approve(Settled(absentMinded, minutesPresent: 30), absentMinded, Given.By("s"), Given.End));
    }
}
