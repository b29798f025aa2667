using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommunityPlatform.Contracts.Membership;
using CommunityPlatform.ServiceKit.Domain;
using CommunityPlatform.ServiceKit.Security;
using CommunityPlatform.TestSupport;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using static CommunityPlatform.Volunteer.FunctionalTests.VolunteerApi;

namespace CommunityPlatform.Volunteer.FunctionalTests;

/// <summary>
/// Check-in, check-out, completion, hours and certificates. Volunteers sign up on the real clock; the test then moves
/// <see cref="VolunteerApiFixture.Clock"/> to the activity's start and end and acts through <see cref="VolunteerApiFixture.Later"/>.
/// </summary>
[Collection(VolunteerApiCollection.Name)]
public sealed class AttendanceApiTests(VolunteerApiFixture fixture)
{
    private const string LeaderAccount = "leader-attendance";

    private const string LeaderName = "赵志愿队长";

    private HttpClient Organiser => fixture.Later.AsNamed(CommunityRoles.VolunteerLeader, LeaderAccount, LeaderName);

    /// <summary>A published activity starting in an hour, on the whole minute; the clock is reset to now.</summary>
    private async Task<(Guid Id, DateTimeOffset Start)> ActivityAsync(string kind = "Environment")
    {
        fixture.Clock.Offset = TimeSpan.Zero;
        var now = DateTimeOffset.UtcNow;
        var start = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, TimeSpan.Zero).AddHours(1);
        return (await Organiser.PublishedActivityAsync(start, TimeSpan.Zero, kind), start);
    }

    /// <summary>Moves the service's clock to <paramref name="start"/> + <paramref name="after"/>.</summary>
    private void At(DateTimeOffset start, TimeSpan after) => fixture.Clock.Offset = start + after - DateTimeOffset.UtcNow;

    private static TimeSpan Minutes(double minutes) => TimeSpan.FromMinutes(minutes);

    private async Task<(Guid VolunteerId, Guid MemberId)> MemberVolunteerAsync()
    {
        var registered = new MemberRegistered
        {
            EventId = Guid.NewGuid(), OccurredAt = DateTimeOffset.UtcNow, MemberId = Guid.NewGuid(), OrganisationCode = "YWH-DZB", GridCode = Grid,
        };
        await fixture.App.Services.GetRequiredService<IBus>().Publish(registered, context => context.MessageId = registered.EventId);
        var page = await Eventually.ReturnsAsync(
            () => fixture.Client.GetFromJsonAsync<JsonElement>($"/api/volunteer/volunteers?memberId={registered.MemberId}"),
            p => p.GetProperty("items").GetArrayLength() == 1, TimeSpan.FromSeconds(60), "the member volunteer");
        return (page.GetProperty("items")[0].GetProperty("id").GetGuid(), registered.MemberId);
    }

    private Task<JsonElement> AttendAsync(HttpClient client, string action, Guid activity, object body) =>
        client.PostOkAsync($"/api/volunteer/activities/{activity}/{action}", body, HttpStatusCode.OK);

    [Fact]
    public async Task Attendance_is_settled_into_hours_approved_once_and_certified()
    {
        var (member, memberId) = await MemberVolunteerAsync();
        var (late, absent) = (await fixture.Client.RegisterVolunteerAsync(), await fixture.Client.RegisterVolunteerAsync());
        var (activity, start) = await ActivityAsync();
        foreach (var volunteer in new[] { member, late, absent })
        {
            await Organiser.PostOkAsync($"/api/volunteer/activities/{activity}/signups", new { volunteerId = volunteer });
        }

        At(start, Minutes(-40));
        var early = await (await Organiser.PostAsJsonAsync($"/api/volunteer/activities/{activity}/check-in", new { volunteerId = member })).AssertRuleAsync("checkin.not-open");
        Assert.True(early.TryGetProperty("opensAt", out _));
        await (await Organiser.PostAsJsonAsync($"/api/volunteer/activities/{activity}/complete", new { })).AssertRuleAsync("activity.not-started");

        At(start, TimeSpan.Zero);
        var checkedIn = await AttendAsync(Organiser, "check-in", activity, new { volunteerId = member });
        Assert.Equal(("Organiser", LeaderAccount, 0), (checkedIn.GetProperty("checkInMethod").GetString(), checkedIn.GetProperty("checkedInBy").GetString(), checkedIn.GetProperty("lateMinutes").GetInt32()));
        await (await Organiser.PostAsJsonAsync($"/api/volunteer/activities/{activity}/check-in", new { volunteerId = member })).AssertRuleAsync("checkin.already");
        await (await Organiser.PostAsJsonAsync($"/api/volunteer/activities/{activity}/check-in", new { volunteerId = late, at = start.AddHours(1) })).AssertInvalidAsync("at");
        await (await Organiser.PostAsJsonAsync($"/api/volunteer/activities/{activity}/check-out", new { volunteerId = late })).AssertRuleAsync("checkout.not-checked-in");
        await (await Organiser.SignUpAsync(activity, await fixture.Client.RegisterVolunteerAsync())).AssertRuleAsync("signup.closed");

        At(start, Minutes(20));
        Assert.Equal(15, (await AttendAsync(Organiser, "check-in", activity, new { volunteerId = late, at = start.AddMinutes(15) })).GetProperty("lateMinutes").GetInt32());
        At(start, Minutes(95));
        Assert.Equal(30, (await AttendAsync(Organiser, "check-out", activity, new { volunteerId = late, at = start.AddMinutes(90) })).GetProperty("earlyLeaveMinutes").GetInt32());

        At(start, Minutes(130));
        var completion = await Organiser.PostOkAsync($"/api/volunteer/activities/{activity}/complete", new { }, HttpStatusCode.OK);
        Assert.Equal((2, 1), (completion.GetProperty("participants").GetInt32(), completion.GetProperty("noShows").GetInt32()));
        var records = completion.GetProperty("records").EnumerateArray().ToDictionary(r => r.GetProperty("volunteerId").GetGuid());
        Assert.Equal(2.0m, records[member].GetProperty("hours").GetDecimal());
        Assert.Equal(1.0m, records[late].GetProperty("hours").GetDecimal());   // 75 of 120 minutes: 62.5 %, two whole half hours
        Assert.Equal((75, 0.625m), (records[late].GetProperty("presentMinutes").GetInt32(), records[late].GetProperty("presenceShare").GetDecimal()));
        Assert.All(records.Values, r => Assert.Equal(("Pending", LeaderName, LeaderAccount),
            (r.GetProperty("status").GetString(), r.GetProperty("recordedBy").GetString(), r.GetProperty("recordedById").GetString())));
        Assert.Equal(1, await fixture.OutboxCountAsync("VolunteerActivityCompleted",
            $"payload->>'activityId' = '{activity}' AND (payload->>'participants')::int = 2 AND (payload->>'noShows')::int = 1"));
        Assert.Equal(1, (await fixture.Client.GetFromJsonAsync<JsonElement>($"/api/volunteer/volunteers/{absent}")).GetProperty("noShows").GetInt32());
        var attendance = await fixture.Client.GetFromJsonAsync<JsonElement>($"/api/volunteer/activities/{activity}/signups");
        Assert.True(attendance.EnumerateArray().Single(s => s.GetProperty("signup").GetProperty("volunteerId").GetGuid() == absent).GetProperty("signup").GetProperty("noShow").GetBoolean());
        Assert.Equal("党员志愿者", attendance.EnumerateArray().Single(s => s.GetProperty("signup").GetProperty("volunteerId").GetGuid() == member).GetProperty("displayName").GetString());

        var memberRecord = records[member].GetProperty("id").GetGuid();
        var approved = await fixture.Client.PostOkAsync($"/api/volunteer/service-records/{memberRecord}/approve", new { }, HttpStatusCode.OK);
        Assert.Equal(("Approved", "测试用户"), (approved.GetProperty("status").GetString(), approved.GetProperty("approvedBy").GetString()));
        Assert.False(Guid.TryParse(approved.GetProperty("approvedBy").GetString(), out _));
        Assert.True(Guid.TryParse(approved.GetProperty("approvedById").GetString(), out _));
        await (await fixture.Client.PostAsJsonAsync($"/api/volunteer/service-records/{memberRecord}/approve", new { })).AssertRuleAsync("hours.already-approved");
        Assert.Equal(1, await fixture.ScalarAsync<long>(
            $"SELECT count(*) FROM outbox_messages WHERE message_type LIKE '%VolunteerHoursCredited%' AND payload->>'serviceRecordId' = '{memberRecord}'"));
        Assert.Equal(1, await fixture.OutboxCountAsync("VolunteerHoursCredited",
            $"payload->>'serviceRecordId' = '{memberRecord}' AND payload->>'memberId' = '{memberId}' AND (payload->>'hours')::numeric = 2.0"));

        var lateRecord = records[late].GetProperty("id").GetGuid();
        await (await fixture.Client.PostAsJsonAsync($"/api/volunteer/service-records/{lateRecord}/adjust", new { hours = 1.5 })).AssertInvalidAsync("reason");
        await (await fixture.Client.PostAsJsonAsync($"/api/volunteer/service-records/{lateRecord}/adjust", new { hours = 3, reason = "x" })).AssertInvalidAsync("hours");
        Assert.Equal(HttpStatusCode.Forbidden, (await fixture.App.CreateClientAs(CommunityRoles.GridWorker, Grid).PostAsJsonAsync($"/api/volunteer/service-records/{lateRecord}/approve", new { })).StatusCode);
        var adjusted = await fixture.Client.PostOkAsync($"/api/volunteer/service-records/{lateRecord}/adjust", new { hours = 1.5, reason = "提前离场经队长同意" }, HttpStatusCode.OK);
        Assert.Equal((1.5m, 1.0m, "提前离场经队长同意"), (adjusted.GetProperty("hours").GetDecimal(), adjusted.GetProperty("computedHours").GetDecimal(), adjusted.GetProperty("adjustmentReason").GetString()));
        Assert.Equal(1, await fixture.OutboxCountAsync("VolunteerHoursCredited", $"payload->>'serviceRecordId' = '{lateRecord}' AND payload->>'memberId' IS NULL"));
        Assert.Equal(HttpStatusCode.NotFound, (await fixture.Client.PostAsJsonAsync($"/api/volunteer/service-records/{Guid.NewGuid()}/approve", new { })).StatusCode);

        var pending = await fixture.Client.GetFromJsonAsync<JsonElement>($"/api/volunteer/service-records?activityId={activity}&status=Approved");
        Assert.Equal(2, pending.GetProperty("items").GetArrayLength());
        await (await fixture.Client.GetAsync("/api/volunteer/service-records?status=Done")).AssertInvalidAsync("status");

        var servedOn = CommunityTime.DateOf(start).ToString("yyyy-MM-dd");
        var hours = await fixture.Client.GetFromJsonAsync<JsonElement>($"/api/volunteer/volunteers/{member}/hours");
        Assert.Equal((2.0m, 1), (hours.GetProperty("approvedHours").GetDecimal(), hours.GetProperty("records").GetInt32()));
        Assert.Equal(("清理楼道杂物", LeaderName, "测试用户"), (hours.GetProperty("history")[0].GetProperty("activity").GetString(),
            hours.GetProperty("history")[0].GetProperty("recordedBy").GetString(), hours.GetProperty("history")[0].GetProperty("approvedBy").GetString()));

        var certificate = await fixture.Client.GetAsync($"/api/volunteer/volunteers/{member}/certificate?from={servedOn}&to={servedOn}");
        Assert.Equal(HttpStatusCode.OK, certificate.StatusCode);
        Assert.Equal("text/html", certificate.Content.Headers.ContentType!.MediaType);
        Assert.Equal("utf-8", certificate.Content.Headers.ContentType.CharSet);
        var html = await certificate.Content.ReadAsStringAsync();
        foreach (var expected in new[] { "志愿服务记录证明", "ZYFW-", "党员志愿者", memberId.ToString(), servedOn, "清理楼道杂物", "平安义警队", ">2.0<", "合计", $"<td>{LeaderName}</td>", "经办人：测试用户", "@media print" })
        {
            Assert.Contains(expected, html);
        }

        // The page names people, never their accounts.
        Assert.DoesNotContain(LeaderAccount, html);
        Assert.DoesNotMatch(@"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", html.Replace(memberId.ToString(), ""));

        Assert.Equal(1, await fixture.ScalarAsync<long>($"SELECT count(*) FROM hours_certificates WHERE volunteer_id = '{member}' AND total_hours = 2.0"));
        Assert.Equal(HttpStatusCode.Forbidden, (await fixture.App.CreateClientAs(CommunityRoles.GridWorker, Grid).GetAsync($"/api/volunteer/volunteers/{member}/certificate")).StatusCode);
        await (await fixture.Client.GetAsync($"/api/volunteer/volunteers/{member}/certificate?from=2026-07-02&to=2026-07-01")).AssertInvalidAsync("to");
    }

    [Fact]
    public async Task A_volunteer_checks_in_and_out_with_the_code_or_qr_payload_and_a_wrong_code_is_refused()
    {
        var account = NewAccount();
        var volunteer = await fixture.Client.RegisterVolunteerAsync(account);
        var (activity, start) = await ActivityAsync();
        var me = fixture.Later.As(CommunityRoles.Resident, account, Grid);
        await me.PostOkAsync($"/api/volunteer/activities/{activity}/signups", new { });
        var code = await Organiser.GetFromJsonAsync<JsonElement>($"/api/volunteer/activities/{activity}/check-in-code");

        At(start, Minutes(-5));
        await (await me.PostAsJsonAsync($"/api/volunteer/activities/{activity}/check-in", new { code = "WRONG1" })).AssertRuleAsync("checkin.code-mismatch");
        await (await me.PostAsJsonAsync($"/api/volunteer/activities/{activity}/check-in", new { })).AssertRuleAsync("checkin.code-mismatch");
        var checkedIn = await AttendAsync(me, "check-in", activity, new { code = code.GetProperty("qrPayload").GetString() });
        Assert.Equal((volunteer, "Code", account), (checkedIn.GetProperty("volunteerId").GetGuid(), checkedIn.GetProperty("checkInMethod").GetString(), checkedIn.GetProperty("checkedInBy").GetString()));

        At(start, Minutes(125));
        var key = Guid.NewGuid().ToString();
        HttpRequestMessage CheckOut() => new(HttpMethod.Post, $"/api/volunteer/activities/{activity}/check-out")
        {
            Headers = { { "Idempotency-Key", key } },
            Content = JsonContent.Create(new { code = code.GetProperty("code").GetString()!.ToLowerInvariant() }),
        };
        var first = await me.SendAsync(CheckOut());
        var retry = await me.SendAsync(CheckOut());
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.StatusCode, retry.StatusCode));
        Assert.Equal("true", retry.Headers.GetValues("Idempotent-Replayed").Single());
        await (await me.PostAsJsonAsync($"/api/volunteer/activities/{activity}/check-out", new { code = code.GetProperty("code").GetString() })).AssertRuleAsync("checkout.already");
        await (await me.PostAsJsonAsync($"/api/volunteer/activities/{activity}/check-in", new { code = code.GetProperty("code").GetString() })).AssertRuleAsync("checkin.closed");

        var completion = await Organiser.PostOkAsync($"/api/volunteer/activities/{activity}/complete", new { }, HttpStatusCode.OK);
        var record = completion.GetProperty("records")[0];
        Assert.Equal(2.0m, record.GetProperty("hours").GetDecimal());
        await fixture.Client.PostOkAsync($"/api/volunteer/service-records/{record.GetProperty("id").GetGuid()}/approve", new { }, HttpStatusCode.OK);
        await (await Organiser.PostAsJsonAsync($"/api/volunteer/activities/{activity}/check-out", new { volunteerId = volunteer })).AssertRuleAsync("checkout.closed");

        var mine = await me.GetFromJsonAsync<JsonElement>("/api/volunteer/me/hours");
        Assert.Equal(2.0m, mine.GetProperty("approvedHours").GetDecimal());
        var servedOn = CommunityTime.DateOf(start).ToString("yyyy-MM-dd");
        var html = await me.GetStringAsync($"/api/volunteer/me/certificate?from={servedOn}&to={servedOn}");
        Assert.Contains("王芳", html);
        Assert.Contains(">2.0<", html);
    }

    [Fact]
    public async Task Patrol_observations_come_from_a_checked_in_volunteer_or_the_organiser_and_are_published_for_the_grid()
    {
        var account = NewAccount();
        await fixture.Client.RegisterVolunteerAsync(account);
        var (patrol, start) = await ActivityAsync(kind: "Patrol");
        var me = fixture.Later.As(CommunityRoles.Member, account, Grid);
        await me.PostOkAsync($"/api/volunteer/activities/{patrol}/signups", new { });
        var code = (await Organiser.GetFromJsonAsync<JsonElement>($"/api/volunteer/activities/{patrol}/check-in-code")).GetProperty("code").GetString();

        At(start, Minutes(10));
        var observation = new { location = "5栋东侧消防通道", description = "电动车堵塞消防通道" };
        await (await me.PostAsJsonAsync($"/api/volunteer/activities/{patrol}/observations", observation)).AssertRuleAsync("observation.not-checked-in");
        await AttendAsync(me, "check-in", patrol, new { code });
        var reported = await me.PostOkAsync($"/api/volunteer/activities/{patrol}/observations", observation);
        var id = reported.GetProperty("id").GetGuid();
        Assert.Equal(Grid, reported.GetProperty("gridCode").GetString());
        Assert.Equal(1, await fixture.OutboxCountAsync("PatrolObservationReported",
            $"payload->>'observationId' = '{id}' AND payload->>'gridCode' = '{Grid}' AND payload->>'activityId' = '{patrol}'"));

        var byOrganiser = await Organiser.PostOkAsync($"/api/volunteer/activities/{patrol}/observations", new { location = "河堤", description = "护栏松动", gridCode = OtherGrid });
        Assert.Equal(OtherGrid, byOrganiser.GetProperty("gridCode").GetString());
        Assert.Equal(JsonValueKind.Null, byOrganiser.GetProperty("volunteerId").ValueKind);
        await (await Organiser.PostAsJsonAsync($"/api/volunteer/activities/{patrol}/observations", new { location = "", description = "", gridCode = "NOPE-3" })).AssertInvalidAsync("gridCode");
        await (await Organiser.PostAsJsonAsync($"/api/volunteer/activities/{patrol}/observations", new { location = "", description = "x" })).AssertInvalidAsync("location");
        Assert.Equal(2, (await fixture.Client.GetFromJsonAsync<JsonElement>($"/api/volunteer/activities/{patrol}/observations")).GetArrayLength());

        var (environment, _) = await ActivityAsync();
        At(start, Minutes(10));
        await (await Organiser.PostAsJsonAsync($"/api/volunteer/activities/{environment}/observations", observation)).AssertRuleAsync("observation.not-patrol");

        At(start, Minutes(130));
        await Organiser.PostOkAsync($"/api/volunteer/activities/{patrol}/complete", new { }, HttpStatusCode.OK);
        await (await me.PostAsJsonAsync($"/api/volunteer/activities/{patrol}/observations", observation)).AssertRuleAsync("observation.not-running");
    }

    [Fact]
    public async Task An_activity_cannot_be_published_once_it_has_started()
    {
        fixture.Clock.Offset = TimeSpan.Zero;
        var start = DateTimeOffset.UtcNow.AddHours(1);
        var draft = (await Organiser.PlanActivityAsync(start)).GetProperty("id").GetGuid();

        At(start, Minutes(1));
        await (await Organiser.PostAsJsonAsync($"/api/volunteer/activities/{draft}/publish", new { })).AssertRuleAsync("activity.started");
    }
}
