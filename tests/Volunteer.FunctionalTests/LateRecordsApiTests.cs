using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommunityPlatform.ServiceKit.Domain;
using CommunityPlatform.ServiceKit.Security;
using CommunityPlatform.TestSupport;
using static CommunityPlatform.Volunteer.FunctionalTests.VolunteerApi;

namespace CommunityPlatform.Volunteer.FunctionalTests;

/// <summary>
/// Late records (补录): an activity that has ended is entered from its sign-in sheet, named as the organiser's record,
/// settled at once by the same hour rules, its hours approved through the usual step.
/// </summary>
[Collection(VolunteerApiCollection.Name)]
public sealed class LateRecordsApiTests(VolunteerApiFixture fixture)
{
    private const string LeaderAccount = "leader-late-records";

    private const string LeaderName = "孙补录";

    private HttpClient Organiser => fixture.App.AsNamed(CommunityRoles.VolunteerLeader, LeaderAccount, LeaderName);

    /// <summary>Last week, 09:00–11:00 in the community's time, on a day no other test uses (so no overlap).</summary>
    private static DateTimeOffset LastWeek(int hour = 9) =>
        new DateTimeOffset(CommunityTime.DateOf(DateTimeOffset.UtcNow).AddDays(-7).ToDateTime(new TimeOnly(hour, 0)), CommunityTime.Offset);

    private static object Sheet(Guid team, DateTimeOffset start, params object[] attendance) => new
    {
        teamId = team, kind = "环境整治", title = "清理小区绿化带垃圾", gridCode = Grid, place = "幸福小区中心绿地",
        startsAt = start, endsAt = start.AddHours(2), capacity = 10, attendance,
    };

    [Fact]
    public async Task A_past_activity_is_entered_from_its_sheet_settled_by_the_hour_rules_and_its_hours_approved_as_usual()
    {
        var team = await Organiser.FormTeamAsync();
        var (full, late, brief, absent) = (await fixture.Client.RegisterVolunteerAsync(), await fixture.Client.RegisterVolunteerAsync(),
            await fixture.Client.RegisterVolunteerAsync(), await fixture.Client.RegisterVolunteerAsync());
        var start = LastWeek();

        var entered = await Organiser.PostOkAsync("/api/volunteer/activities/late-records", Sheet(team, start,
            new { volunteerId = full, checkedInAt = start.AddMinutes(-5), checkedOutAt = start.AddHours(2) },
            new { volunteerId = late, checkedInAt = start.AddMinutes(25) },
            new { volunteerId = brief, checkedInAt = start, checkedOutAt = start.AddMinutes(50) },
            new { volunteerId = absent, noShow = true }));

        var activity = entered.GetProperty("activity");
        Assert.Equal(("Completed", 3, 1), (activity.GetProperty("status").GetString(), entered.GetProperty("participants").GetInt32(), entered.GetProperty("noShows").GetInt32()));
        Assert.Equal(JsonValueKind.Null, activity.GetProperty("publishedAt").ValueKind);
        var hours = entered.GetProperty("records").EnumerateArray().ToDictionary(r => r.GetProperty("volunteerId").GetGuid(), r => r);
        // Two hours; one and a half (95 minutes, half hours whole); nothing for 50 of 120 minutes (under 60 %).
        Assert.Equal((2m, 1.5m, 0m), (hours[full].GetProperty("computedHours").GetDecimal(), hours[late].GetProperty("computedHours").GetDecimal(),
            hours[brief].GetProperty("computedHours").GetDecimal()));
        Assert.All(hours.Values, r => Assert.Equal(("Pending", LeaderName, LeaderAccount, CommunityTime.DateOf(start)),
            (r.GetProperty("status").GetString(), r.GetProperty("recordedBy").GetString(), r.GetProperty("recordedById").GetString(),
                DateOnly.Parse(r.GetProperty("servedOn").GetString()!))));

        var id = activity.GetProperty("id").GetGuid();
        var sheet = await Organiser.GetFromJsonAsync<JsonElement>($"/api/volunteer/activities/{id}/signups");
        var lines = sheet.EnumerateArray().Select(a => a.GetProperty("signup")).ToDictionary(s => s.GetProperty("volunteerId").GetGuid());
        Assert.Equal(("LateRecord", LeaderAccount, 25), (lines[late].GetProperty("checkInMethod").GetString(), lines[late].GetProperty("checkedInBy").GetString(),
            lines[late].GetProperty("lateMinutes").GetInt32()));
        Assert.True(lines[absent].GetProperty("noShow").GetBoolean());
        Assert.Equal(1, (await fixture.Client.GetFromJsonAsync<JsonElement>($"/api/volunteer/volunteers/{absent}")).GetProperty("noShows").GetInt32());
        Assert.Equal(1, await fixture.OutboxCountAsync("VolunteerActivityCompleted", $"payload->>'activityId' = '{id}'"));

        var approved = await Organiser.PostOkAsync($"/api/volunteer/service-records/{hours[late].GetProperty("id").GetGuid()}/approve", new { }, HttpStatusCode.OK);
        Assert.Equal(("Approved", 1.5m), (approved.GetProperty("status").GetString(), approved.GetProperty("hours").GetDecimal()));
    }

    [Fact]
    public async Task A_record_made_before_names_were_kept_shows_a_dash_for_its_recorder_and_keeps_the_account_beside_it()
    {
        var team = await Organiser.FormTeamAsync();
        var volunteer = await fixture.Client.RegisterVolunteerAsync();
        var start = LastWeek(16);
        var entered = await Organiser.PostOkAsync("/api/volunteer/activities/late-records", Sheet(team, start,
            new { volunteerId = volunteer, checkedInAt = start, checkedOutAt = start.AddHours(2) }));
        var id = entered.GetProperty("records")[0].GetProperty("id").GetGuid();
        Assert.Equal(1, await fixture.ScalarAsync<long>(
            $"WITH legacy AS (UPDATE service_records SET recorded_by_name = NULL WHERE id = '{id}' RETURNING 1) SELECT count(*) FROM legacy"));

        var record = (await fixture.Client.GetFromJsonAsync<JsonElement>($"/api/volunteer/service-records?volunteerId={volunteer}")).GetProperty("items")[0];
        Assert.Equal(("—", LeaderAccount), (record.GetProperty("recordedBy").GetString(), record.GetProperty("recordedById").GetString()));
    }

    [Fact]
    public async Task A_sheet_for_an_activity_not_yet_ended_or_too_old_or_with_bad_lines_is_a_400_naming_each_field()
    {
        var team = await Organiser.FormTeamAsync();
        var volunteer = await fixture.Client.RegisterVolunteerAsync();
        var soon = DateTimeOffset.UtcNow.AddMinutes(-30);
        await (await Organiser.PostAsJsonAsync("/api/volunteer/activities/late-records", Sheet(team, soon, new { volunteerId = volunteer, checkedInAt = soon })))
            .AssertInvalidAsync("endsAt");
        var old = DateTimeOffset.UtcNow.AddDays(-400);
        await (await Organiser.PostAsJsonAsync("/api/volunteer/activities/late-records", Sheet(team, old, new { volunteerId = volunteer, checkedInAt = old })))
            .AssertInvalidAsync("startsAt");

        var start = LastWeek(14);
        var bad = await Organiser.PostAsJsonAsync("/api/volunteer/activities/late-records", Sheet(team, start,
            new { volunteerId = volunteer, checkedInAt = start.AddHours(-2) },
            new { volunteerId = volunteer, checkedInAt = start },
            new { volunteerId = Guid.NewGuid(), checkedInAt = start },
            new { volunteerId = await fixture.Client.RegisterVolunteerAsync(), checkedInAt = start, noShow = true },
            new { volunteerId = await fixture.Client.RegisterVolunteerAsync(), checkedInAt = start.AddHours(1), checkedOutAt = start }));
        await bad.AssertInvalidFieldsAsync(
            "attendance[0].checkedInAt", "attendance[1].volunteerId", "attendance[2].volunteerId", "attendance[3].noShow", "attendance[4].checkedOutAt");
        await (await Organiser.PostAsJsonAsync("/api/volunteer/activities/late-records", Sheet(team, start))).AssertInvalidAsync("attendance");
    }

    [Fact]
    public async Task A_volunteer_already_at_another_activity_then_is_refused_and_only_organisers_may_enter_a_sheet()
    {
        var team = await Organiser.FormTeamAsync();
        var volunteer = await fixture.Client.RegisterVolunteerAsync();
        var start = LastWeek(19);
        await Organiser.PostOkAsync("/api/volunteer/activities/late-records", Sheet(team, start, new { volunteerId = volunteer, checkedInAt = start }));

        var overlapping = await Organiser.PostAsJsonAsync("/api/volunteer/activities/late-records",
            Sheet(team, start.AddHours(1), new { volunteerId = volunteer, checkedInAt = start.AddHours(1) }));
        Assert.Equal(volunteer, (await overlapping.AssertRuleAsync("signup.overlap")).GetProperty("volunteerId").GetGuid());

        var member = fixture.App.As(CommunityRoles.Member, NewAccount(), Grid);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.PostAsJsonAsync("/api/volunteer/activities/late-records", Sheet(team, start))).StatusCode);
    }
}
