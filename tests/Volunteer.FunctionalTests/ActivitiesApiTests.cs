using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommunityPlatform.ServiceKit.Security;
using CommunityPlatform.TestSupport;
using static CommunityPlatform.Volunteer.FunctionalTests.VolunteerApi;

namespace CommunityPlatform.Volunteer.FunctionalTests;

/// <summary>Planning, publishing, sign-up with its waitlist and rules, and cancelling, on the real clock.</summary>
[Collection(VolunteerApiCollection.Name)]
public sealed class ActivitiesApiTests(VolunteerApiFixture fixture)
{
    private static readonly TimeSpan Tomorrow = TimeSpan.FromDays(1);

    private HttpClient Client => fixture.Client;

    private static DateTimeOffset Now => DateTimeOffset.UtcNow;

    [Fact]
    public async Task An_activity_is_planned_as_a_draft_and_published()
    {
        var planned = await Client.PlanActivityAsync(Now + Tomorrow, kind: "平安义警巡逻", capacity: 8, skills: ["急救"]);
        Assert.Equal(("Draft", "Patrol", "平安义警巡逻", 8), (planned.GetProperty("status").GetString(), planned.GetProperty("kind").GetString(),
            planned.GetProperty("kindLabel").GetString(), planned.GetProperty("capacity").GetInt32()));
        var id = planned.GetProperty("id").GetGuid();

        var published = await Client.PostOkAsync($"/api/volunteer/activities/{id}/publish", new { }, HttpStatusCode.OK);
        Assert.Equal("Published", published.GetProperty("status").GetString());
        await (await Client.PostAsJsonAsync($"/api/volunteer/activities/{id}/publish", new { })).AssertRuleAsync("activity.transition");
        Assert.Equal(HttpStatusCode.NotFound, (await Client.PostAsJsonAsync($"/api/volunteer/activities/{Guid.NewGuid()}/publish", new { })).StatusCode);
    }

    [Fact]
    public async Task A_plan_names_every_bad_field_and_an_unannounced_grid_or_unknown_team_is_a_400()
    {
        var team = await Client.FormTeamAsync();
        var bad = await Client.PostAsJsonAsync("/api/volunteer/activities", new
        {
            teamId = team, kind = "Dancing", title = "", gridCode = Grid, place = "", startsAt = Now.AddHours(-1), endsAt = Now.AddHours(-2), capacity = 0,
        });
        await bad.AssertInvalidFieldsAsync("kind", "title", "place", "startsAt", "endsAt", "capacity");

        var body = new { teamId = team, kind = "Aid", title = "助残", gridCode = "NOPE-7", place = "社区", startsAt = Now + Tomorrow, endsAt = Now + Tomorrow + TimeSpan.FromHours(1), capacity = 5 };
        await (await Client.PostAsJsonAsync("/api/volunteer/activities", body)).AssertInvalidAsync("gridCode");
        await (await Client.PostAsJsonAsync("/api/volunteer/activities", body with { gridCode = Grid, teamId = Guid.NewGuid() })).AssertInvalidAsync("teamId");
        await (await Client.PostAsJsonAsync("/api/volunteer/activities", new { startsAt = "tomorrow" })).AssertInvalidAsync("startsAt");
    }

    [Fact]
    public async Task Members_and_residents_see_published_activities_of_their_grids_and_not_drafts()
    {
        var draft = (await Client.PlanActivityAsync(Now + Tomorrow)).GetProperty("id").GetGuid();
        var published = await Client.PublishedActivityAsync(Now, Tomorrow);
        var elsewhere = await Client.PublishedActivityAsync(Now, Tomorrow, grid: OtherGrid);
        var resident = fixture.App.CreateClientAs(CommunityRoles.Resident, Grid);

        var seen = (await resident.GetFromJsonAsync<JsonElement>($"/api/volunteer/activities?limit=200&gridCode={Grid}")).GetProperty("items")
            .EnumerateArray().Select(a => a.GetProperty("id").GetGuid()).ToList();
        Assert.Contains(published, seen);
        Assert.DoesNotContain(draft, seen);
        Assert.Equal(HttpStatusCode.NotFound, (await resident.GetAsync($"/api/volunteer/activities/{draft}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await resident.GetAsync($"/api/volunteer/activities/{elsewhere}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await fixture.App.CreateClientAs(CommunityRoles.GridWorker, Grid).GetAsync($"/api/volunteer/activities/{draft}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await fixture.App.CreateClientAs(CommunityRoles.Inspector).GetAsync("/api/volunteer/activities")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await fixture.Anonymous.GetAsync("/api/volunteer/activities")).StatusCode);
        await (await Client.GetAsync("/api/volunteer/activities?status=Running")).AssertInvalidAsync("status");
    }

    [Fact]
    public async Task The_activity_list_filters_by_kind_team_and_start_date()
    {
        var id = await Client.PublishedActivityAsync(Now, TimeSpan.FromDays(3), kind: "Publicity");
        var day = DateOnly.FromDateTime((Now + TimeSpan.FromDays(3)).ToOffset(TimeSpan.FromHours(8)).DateTime).ToString("yyyy-MM-dd");

        var found = await Client.GetFromJsonAsync<JsonElement>($"/api/volunteer/activities?kind=宣传&from={day}&to={day}&limit=200");
        Assert.Contains(found.GetProperty("items").EnumerateArray(), a => a.GetProperty("id").GetGuid() == id);
        Assert.All(found.GetProperty("items").EnumerateArray(), a => Assert.Equal("Publicity", a.GetProperty("kind").GetString()));
        var team = (await Client.GetFromJsonAsync<JsonElement>($"/api/volunteer/activities/{id}")).GetProperty("teamId").GetGuid();
        Assert.Equal(id, Assert.Single((await Client.GetFromJsonAsync<JsonElement>($"/api/volunteer/activities?teamId={team}")).GetProperty("items").EnumerateArray()).GetProperty("id").GetGuid());
        await (await Client.GetAsync($"/api/volunteer/activities?from=2026-07-02&to=2026-07-01")).AssertInvalidAsync("to");
    }

    [Fact]
    public async Task Sign_ups_fill_the_places_then_the_waitlist_and_a_withdrawal_promotes_the_first_in_line()
    {
        var activity = await Client.PublishedActivityAsync(Now, Tomorrow, capacity: 1);
        var (a, b, c, d) = (await Client.RegisterVolunteerAsync(), await Client.RegisterVolunteerAsync(), await Client.RegisterVolunteerAsync(), await Client.RegisterVolunteerAsync());

        Assert.Equal("Confirmed", (await Client.PostOkAsync($"/api/volunteer/activities/{activity}/signups", new { volunteerId = a })).GetProperty("status").GetString());
        Assert.Equal("Waitlisted", (await Client.PostOkAsync($"/api/volunteer/activities/{activity}/signups", new { volunteerId = b })).GetProperty("status").GetString());
        Assert.Equal("Waitlisted", (await Client.PostOkAsync($"/api/volunteer/activities/{activity}/signups", new { volunteerId = c })).GetProperty("status").GetString());
        var full = await (await Client.SignUpAsync(activity, d, waitlist: false)).AssertRuleAsync("signup.full");
        Assert.Equal(1, full.GetProperty("capacity").GetInt32());
        await (await Client.SignUpAsync(activity, a)).AssertRuleAsync("signup.duplicate");

        var withdrawal = await Client.PostOkAsync($"/api/volunteer/activities/{activity}/signups/withdraw", new { volunteerId = a }, HttpStatusCode.OK);
        Assert.Equal("Withdrawn", withdrawal.GetProperty("withdrawn").GetProperty("status").GetString());
        Assert.Equal(b, withdrawal.GetProperty("promoted").GetProperty("volunteerId").GetGuid());
        await (await Client.PostAsJsonAsync($"/api/volunteer/activities/{activity}/signups/withdraw", new { volunteerId = a })).AssertRuleAsync("signup.not-signed-up");

        var signups = await Client.GetFromJsonAsync<JsonElement>($"/api/volunteer/activities/{activity}/signups");
        Assert.Equal(
            [(a, "Withdrawn"), (b, "Confirmed"), (c, "Waitlisted")],
            signups.EnumerateArray().Select(s => (s.GetProperty("signup").GetProperty("volunteerId").GetGuid(), s.GetProperty("signup").GetProperty("status").GetString())));
        Assert.Equal("王芳", signups[0].GetProperty("displayName").GetString());
        var detail = await Client.GetFromJsonAsync<JsonElement>($"/api/volunteer/activities/{activity}");
        Assert.Equal((1, 1), (detail.GetProperty("confirmed").GetInt32(), detail.GetProperty("waitlisted").GetInt32()));
    }

    [Fact]
    public async Task Overlapping_sign_ups_missing_skills_drafts_and_organisers_without_a_volunteer_are_refused()
    {
        var volunteer = await Client.RegisterVolunteerAsync(skills: ["急救"]);
        var first = await Client.PublishedActivityAsync(Now, Tomorrow);
        var overlapping = await Client.PublishedActivityAsync(Now, Tomorrow + TimeSpan.FromHours(1));
        var skilled = await Client.PublishedActivityAsync(Now, TimeSpan.FromDays(5), skills: ["急救", "手语"]);
        var draft = (await Client.PlanActivityAsync(Now + TimeSpan.FromDays(6))).GetProperty("id").GetGuid();
        await Client.PostOkAsync($"/api/volunteer/activities/{first}/signups", new { volunteerId = volunteer });

        var overlap = await (await Client.SignUpAsync(overlapping, volunteer)).AssertRuleAsync("signup.overlap");
        Assert.Equal(first, overlap.GetProperty("activityId").GetGuid());
        var skills = await (await Client.SignUpAsync(skilled, volunteer)).AssertRuleAsync("signup.skills-missing");
        Assert.Equal(["手语"], skills.GetProperty("missingSkills").EnumerateArray().Select(s => s.GetString()));
        await (await Client.SignUpAsync(draft, volunteer)).AssertRuleAsync("signup.not-open");
        await (await Client.SignUpAsync(first)).AssertInvalidAsync("volunteerId");
        await (await Client.SignUpAsync(first, Guid.NewGuid())).AssertInvalidAsync("volunteerId");
        Assert.Equal(HttpStatusCode.NotFound, (await Client.SignUpAsync(Guid.NewGuid(), volunteer)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await fixture.App.CreateClientAs(CommunityRoles.GridWorker, Grid).PostAsJsonAsync($"/api/volunteer/activities/{first}/signups", new { })).StatusCode);
    }

    [Fact]
    public async Task A_member_signs_up_and_withdraws_as_themselves_whatever_the_body_says()
    {
        var account = NewAccount();
        var mine = await Client.RegisterVolunteerAsync(account);
        var someoneElse = await Client.RegisterVolunteerAsync();
        var activity = await Client.PublishedActivityAsync(Now, Tomorrow);
        var me = fixture.App.As(CommunityRoles.Member, account, Grid);

        var signup = await me.PostOkAsync($"/api/volunteer/activities/{activity}/signups", new { volunteerId = someoneElse });
        Assert.Equal(mine, signup.GetProperty("volunteerId").GetGuid());
        var mySignups = await me.GetFromJsonAsync<JsonElement>("/api/volunteer/me/signups");
        Assert.Contains(mySignups.EnumerateArray(), s => s.GetProperty("signup").GetProperty("activityId").GetGuid() == activity);
        Assert.Equal("Withdrawn", (await me.PostOkAsync($"/api/volunteer/activities/{activity}/signups/withdraw", new { }, HttpStatusCode.OK))
            .GetProperty("withdrawn").GetProperty("status").GetString());
        await (await fixture.App.As(CommunityRoles.Resident, NewAccount(), Grid).SignUpAsync(activity)).AssertRuleAsync("volunteer.account-not-linked");
        Assert.Equal(HttpStatusCode.NotFound, (await fixture.App.As(CommunityRoles.Resident, account, OtherGrid).SignUpAsync(activity)).StatusCode);
    }

    [Fact]
    public async Task A_retried_sign_up_with_the_same_key_signs_up_once_and_replays_the_answer()
    {
        var activity = await Client.PublishedActivityAsync(Now, Tomorrow);
        var volunteer = await Client.RegisterVolunteerAsync();
        var key = Guid.NewGuid().ToString();
        HttpRequestMessage Request() => new(HttpMethod.Post, $"/api/volunteer/activities/{activity}/signups")
        {
            Headers = { { "Idempotency-Key", key } },
            Content = JsonContent.Create(new { volunteerId = volunteer }),
        };

        var first = await Client.SendAsync(Request());
        var retry = await Client.SendAsync(Request());

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Created), (first.StatusCode, retry.StatusCode));
        Assert.Equal("true", retry.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(1, await fixture.ScalarAsync<long>($"SELECT count(*) FROM signups WHERE activity_id = '{activity}'"));
    }

    [Fact]
    public async Task Cancelling_a_published_activity_announces_the_signed_up_volunteers_and_needs_a_reason()
    {
        var activity = await Client.PublishedActivityAsync(Now, Tomorrow, capacity: 1);
        var (holder, waiting) = (await Client.RegisterVolunteerAsync(), await Client.RegisterVolunteerAsync());
        await Client.PostOkAsync($"/api/volunteer/activities/{activity}/signups", new { volunteerId = holder });
        await Client.PostOkAsync($"/api/volunteer/activities/{activity}/signups", new { volunteerId = waiting });

        await (await Client.PostAsJsonAsync($"/api/volunteer/activities/{activity}/cancel", new { reason = "" })).AssertInvalidAsync("reason");
        Assert.Equal(HttpStatusCode.Forbidden, (await fixture.App.CreateClientAs(CommunityRoles.Resident, Grid).PostAsJsonAsync($"/api/volunteer/activities/{activity}/cancel", new { reason = "x" })).StatusCode);
        var cancelled = await Client.PostOkAsync($"/api/volunteer/activities/{activity}/cancel", new { reason = "暴雨红色预警" }, HttpStatusCode.OK);

        Assert.Equal("Cancelled", cancelled.GetProperty("status").GetString());
        Assert.Equal(1, await fixture.OutboxCountAsync("VolunteerActivityCancelled",
            $"payload->>'activityId' = '{activity}' AND payload->'volunteerIds' @> '[\"{holder}\", \"{waiting}\"]'::jsonb"));
        await (await Client.PostAsJsonAsync($"/api/volunteer/activities/{activity}/cancel", new { reason = "再取消" })).AssertRuleAsync("activity.transition");
        await (await Client.SignUpAsync(activity, await Client.RegisterVolunteerAsync())).AssertRuleAsync("signup.not-open");
    }

    [Fact]
    public async Task The_check_in_code_is_for_organisers_and_forms_the_qr_payload()
    {
        var activity = await Client.PublishedActivityAsync(Now, Tomorrow);

        var code = await Client.GetFromJsonAsync<JsonElement>($"/api/volunteer/activities/{activity}/check-in-code");
        Assert.Matches("^[A-Z2-9]{6}$", code.GetProperty("code").GetString());
        Assert.Equal($"cpvol:{activity}:{code.GetProperty("code").GetString()}", code.GetProperty("qrPayload").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await fixture.App.CreateClientAs(CommunityRoles.Member, Grid).GetAsync($"/api/volunteer/activities/{activity}/check-in-code")).StatusCode);
        Assert.DoesNotContain("checkInCode", await Client.GetStringAsync($"/api/volunteer/activities/{activity}"), StringComparison.OrdinalIgnoreCase);
    }
}
