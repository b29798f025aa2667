using CommunityPlatform.Contracts.Volunteer;
using CommunityPlatform.ServiceKit.Domain;
using CommunityPlatform.Volunteer.Domain;

namespace CommunityPlatform.Volunteer.UnitTests;

public sealed class ActivityTests
{
    [Fact]
    public void A_plan_is_validated_field_by_field()
    {
        var errors = Assert.Throws<DomainValidationException>(() => Activity.Plan(
            Guid.NewGuid(), "G01", "Dancing", " ", null, "", Given.Now.AddHours(-1), Given.Now.AddHours(-2), 0, [""], "u", Given.Now)).Errors;

        Assert.Equal(["capacity", "endsAt", "kind", "place", "requiredSkills", "startsAt", "title"], errors.Keys.Order());
        Assert.Contains("must be at most 24 hours after startsAt.", Assert.Throws<DomainValidationException>(() =>
            Given.Planned(start: Given.Start, end: Given.Start.AddHours(25))).Errors["endsAt"]);
    }

    [Fact]
    public void A_plan_starts_as_a_draft_with_a_six_character_check_in_code_and_kinds_parse_by_code_or_label()
    {
        var activity = Given.Planned(kind: "平安义警巡逻");

        Assert.Equal(ActivityStatus.Draft, activity.Status);
        Assert.Equal(ActivityKind.Patrol, activity.Kind);
        Assert.Equal(CheckInCodes.Length, activity.CheckInCode.Length);
    }

    [Fact]
    public void The_activity_moves_draft_published_completed_and_refuses_steps_out_of_order()
    {
        var activity = Given.Planned();
        Assert.Equal("activity.transition", Given.RuleOf(() => activity.Complete(Given.By("u"), Given.End, Given.Rules)));
        Assert.Equal("activity.started", Given.RuleOf(() => activity.Publish(Given.Start)));

        activity.Publish(Given.Now);
        Assert.Equal(ActivityStatus.Published, activity.Status);
        Assert.Equal("activity.transition", Given.RuleOf(() => activity.Publish(Given.Now)));
        Assert.Equal("activity.not-started", Given.RuleOf(() => activity.Complete(Given.By("u"), Given.Start.AddMinutes(-1), Given.Rules)));

        activity.Complete(Given.By("u"), Given.End, Given.Rules);
        Assert.Equal(ActivityStatus.Completed, activity.Status);
        Assert.Equal("activity.transition", Given.RuleOf(() => activity.Cancel("晚了", Given.End)));
        Assert.Equal("activity.transition", Given.RuleOf(() => activity.Complete(Given.By("u"), Given.End, Given.Rules)));
    }

    [Fact]
    public void Cancelling_a_published_activity_announces_everyone_signed_up_or_waiting_and_a_draft_is_cancelled_quietly()
    {
        var activity = Given.Published(capacity: 1);
        var (holder, waiting, withdrawn) = (Given.Resident(), Given.Resident(), Given.Resident());
        activity.SignUp(withdrawn);
        activity.Withdraw(withdrawn.Id, Given.Now);
        activity.SignUp(holder);
        activity.SignUp(waiting);

        Assert.Contains("reason", Assert.Throws<DomainValidationException>(() => activity.Cancel(" ", Given.Now)).Errors.Keys);
        activity.Cancel("台风预警", Given.Now);
        var cancelled = activity.Events.OfType<VolunteerActivityCancelled>().SingleOrDefault();

        Assert.NotNull(cancelled);
        Assert.Equal(new[] { holder.Id, waiting.Id }.Order(), cancelled.VolunteerIds.Order());
        Assert.DoesNotContain(withdrawn.Id, cancelled.VolunteerIds);
        Assert.Equal(ActivityStatus.Cancelled, activity.Status);
        var draft = Given.Planned();
        draft.Cancel("计划有变", Given.Now);
        Assert.Null(draft.Events.OfType<VolunteerActivityCancelled>().SingleOrDefault());
    }

    [Fact]
    public void Completing_settles_attendance_records_for_those_who_came_no_shows_for_the_rest_and_checks_out_those_still_present()
    {
        var activity = Given.Published();
        var (stayed, forgot, absent, waiting) = (Given.Resident(), Given.Resident(), Given.Resident(), Given.Resident());
        foreach (var volunteer in new[] { stayed, forgot, absent })
        {
            activity.SignUp(volunteer);
        }

        activity.CheckIn(stayed.Id, Given.Start, CheckInMethod.Organiser, "leader-1", Given.Rules);
        activity.CheckOut(stayed.Id, Given.End, "leader-1", Given.Rules);
        activity.CheckIn(forgot.Id, Given.Start.AddMinutes(30), CheckInMethod.Organiser, "leader-1", Given.Rules);

        var settlement = activity.Complete(Given.By("leader-2"), Given.End.AddHours(1), Given.Rules);
        var completed = Assert.Single(activity.Events.OfType<VolunteerActivityCompleted>());

        Assert.Equal([absent.Id], settlement.NoShowVolunteerIds);
        Assert.True(activity.Signups.Single(s => s.VolunteerId == absent.Id).NoShow);
        Assert.Equal(2, settlement.Records.Count);
        var forgotten = activity.Signups.Single(s => s.VolunteerId == forgot.Id);
        Assert.Equal(Given.End, forgotten.CheckedOutAt);
        Assert.Equal("leader-2", forgotten.CheckedOutBy);
        Assert.Equal(2.0m, settlement.Records.Single(r => r.VolunteerId == stayed.Id).Hours);
        Assert.Equal(1.5m, settlement.Records.Single(r => r.VolunteerId == forgot.Id).Hours);
        Assert.All(settlement.Records, r => Assert.Equal(("leader-2", "张队长", ServiceRecordStatus.Pending), (r.RecordedBy, r.RecordedByName, r.Status)));
        Assert.Equal((2, 1, "Environment", new DateOnly(2026, 7, 3)), (completed.Participants, completed.NoShows, completed.Kind, completed.HeldOn));
        Assert.DoesNotContain(waiting.Id, settlement.NoShowVolunteerIds);
    }

    [Fact]
    public void Observations_come_from_a_patrol_under_way_by_the_organiser_or_a_volunteer_who_checked_in()
    {
        var environment = Given.Published();
        Assert.Equal("observation.not-patrol", Given.RuleOf(() => environment.RequireObservable(null, Given.Start, Given.Rules)));

        var patrol = Given.Published(kind: "Patrol");
        var volunteer = Given.Resident();
        patrol.SignUp(volunteer);
        Assert.Equal("observation.not-running", Given.RuleOf(() => patrol.RequireObservable(null, Given.Now, Given.Rules)));
        Assert.Equal("observation.not-checked-in", Given.RuleOf(() => patrol.RequireObservable(volunteer.Id, Given.Start, Given.Rules)));

        patrol.CheckIn(volunteer.Id, Given.Start, CheckInMethod.Organiser, "leader-1", Given.Rules);
        var observation = PatrolObservation.Report(patrol, volunteer.Id, "G02", " 5栋后门 ", "消防通道被电动车堵塞", "account-1", Given.Start.AddMinutes(20), Given.Rules);
        var reported = Assert.IsType<PatrolObservationReported>(Assert.Single(observation.Events));
        Assert.Equal(("G02", "5栋后门", patrol.Id), (reported.GridCode, reported.Location, reported.ActivityId));
        Assert.Equal(observation.Id, reported.ObservationId);

        patrol.Complete(Given.By("leader-1"), Given.End, Given.Rules);
        Assert.Equal("observation.not-running", Given.RuleOf(() => patrol.RequireObservable(null, Given.End, Given.Rules)));
    }
}
