using CommunityPlatform.Volunteer.Domain;

namespace CommunityPlatform.Volunteer.UnitTests;

public sealed class AttendanceTests
{
    private static (Activity Activity, VolunteerProfile Volunteer) SignedUp()
    {
        var activity = Given.Published();
        var volunteer = Given.Resident();
        activity.SignUp(volunteer);
        return (activity, volunteer);
    }

    [Fact]
    public void Check_in_opens_the_configured_minutes_before_the_start_and_closes_at_the_end()
    {
        var (activity, volunteer) = SignedUp();
        var opens = Given.Start.AddMinutes(-Given.Rules.CheckInOpensMinutesBefore);

        Assert.Equal("checkin.not-open", Given.RuleOf(() => activity.CheckIn(volunteer.Id, opens.AddSeconds(-1), CheckInMethod.Organiser, "l", Given.Rules)));
        Assert.Equal("checkin.closed", Given.RuleOf(() => activity.CheckIn(volunteer.Id, Given.End, CheckInMethod.Organiser, "l", Given.Rules)));
        var signup = activity.CheckIn(volunteer.Id, opens, CheckInMethod.Organiser, "leader-1", Given.Rules);

        Assert.Equal((opens, "leader-1", CheckInMethod.Organiser, 0), (signup.CheckedInAt!.Value, signup.CheckedInBy!, signup.CheckInMethod!.Value, signup.LateMinutes));
        Assert.Equal("checkin.already", Given.RuleOf(() => activity.CheckIn(volunteer.Id, Given.Start, CheckInMethod.Organiser, "l", Given.Rules)));
    }

    [Fact]
    public void Only_a_confirmed_volunteer_checks_in_and_only_a_checked_in_one_checks_out()
    {
        var activity = Given.Published(capacity: 1);
        var (holder, waiting) = (Given.Resident(), Given.Resident());
        activity.SignUp(holder);
        activity.SignUp(waiting);

        Assert.Equal("checkin.not-signed-up", Given.RuleOf(() => activity.CheckIn(waiting.Id, Given.Start, CheckInMethod.Organiser, "l", Given.Rules)));
        Assert.Equal("checkout.not-checked-in", Given.RuleOf(() => activity.CheckOut(holder.Id, Given.End, "l", Given.Rules)));
        activity.CheckIn(holder.Id, Given.Start, CheckInMethod.Organiser, "l", Given.Rules);
        activity.CheckOut(holder.Id, Given.End, "l", Given.Rules);
        Assert.Equal("checkout.already", Given.RuleOf(() => activity.CheckOut(holder.Id, Given.End, "l", Given.Rules)));
    }

    [Fact]
    public void A_volunteer_who_checked_in_before_the_start_cannot_withdraw_any_more()
    {
        var (activity, volunteer) = SignedUp();
        activity.CheckIn(volunteer.Id, Given.Start.AddMinutes(-20), CheckInMethod.Organiser, "l", Given.Rules);

        Assert.Equal("signup.checked-in", Given.RuleOf(() => activity.Withdraw(volunteer.Id, Given.Start.AddMinutes(-10))));
    }

    [Theory]
    [InlineData(10, 0)]
    [InlineData(11, 11)]
    [InlineData(45, 45)]
    public void Arriving_after_the_grace_period_is_recorded_in_minutes_late(int minutesAfterStart, int late)
    {
        var (activity, volunteer) = SignedUp();
        Assert.Equal(late, activity.CheckIn(volunteer.Id, Given.Start.AddMinutes(minutesAfterStart), CheckInMethod.Organiser, "l", Given.Rules).LateMinutes);
    }

    [Theory]
    [InlineData(10, 0)]
    [InlineData(25, 25)]
    [InlineData(-30, 0)]
    public void Leaving_before_the_end_beyond_the_grace_period_is_recorded_in_minutes_early(int minutesBeforeEnd, int early)
    {
        var (activity, volunteer) = SignedUp();
        activity.CheckIn(volunteer.Id, Given.Start, CheckInMethod.Organiser, "l", Given.Rules);
        Assert.Equal(early, activity.CheckOut(volunteer.Id, Given.End.AddMinutes(-minutesBeforeEnd), "l", Given.Rules).EarlyLeaveMinutes);
    }

    [Fact]
    public void A_volunteer_checks_in_with_the_code_or_the_scanned_qr_payload_and_a_wrong_code_is_refused()
    {
        var (activity, volunteer) = SignedUp();
        var other = Given.Resident();
        activity.SignUp(other);

        Assert.Equal("checkin.code-mismatch", Given.RuleOf(() => activity.CheckInWithCode(volunteer.Id, "ZZZZZZ", Given.Start, "me", Given.Rules)));
        Assert.Equal("checkin.code-mismatch", Given.RuleOf(() => activity.CheckInWithCode(volunteer.Id, null, Given.Start, "me", Given.Rules)));
        var byCode = activity.CheckInWithCode(volunteer.Id, activity.CheckInCode.ToLowerInvariant(), Given.Start, "me", Given.Rules);
        var byQr = activity.CheckInWithCode(other.Id, CheckInCodes.QrPayload(activity.Id, activity.CheckInCode), Given.Start, "other", Given.Rules);

        Assert.Equal(CheckInMethod.Code, byCode.CheckInMethod);
        Assert.Equal("other", byQr.CheckedInBy);
        Assert.Equal("checkout.not-checked-in", Given.RuleOf(() => activity.CheckOutWithCode(Guid.NewGuid(), activity.CheckInCode, Given.End, "x", Given.Rules)));
        Assert.Equal("checkin.code-mismatch", Given.RuleOf(() => activity.CheckOutWithCode(volunteer.Id, "", Given.End, "me", Given.Rules)));
    }
}
