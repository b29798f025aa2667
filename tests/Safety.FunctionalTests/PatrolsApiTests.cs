using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommunityPlatform.Safety.Domain;
using CommunityPlatform.ServiceKit.Domain;
using CommunityPlatform.ServiceKit.Security;
using CommunityPlatform.TestSupport;
using static CommunityPlatform.Safety.FunctionalTests.SafetyApi;

namespace CommunityPlatform.Safety.FunctionalTests;

[Collection(SafetyApiCollection.Name)]
public sealed class PatrolsApiTests(SafetyApiFixture fixture)
{
    private static readonly PatrolMonth ThisMonth = PatrolMonth.Of(Today);

    private HttpClient Client => fixture.Client;

    private Task<JsonElement> PlanAsync(string gridCode, string kind, int timesPerMonth, DateOnly startsOn, DateOnly? endsOn = null, Guid? venueId = null) =>
        Client.PostOkAsync("/api/safety/patrol-plans", new { gridCode, kind, timesPerMonth, startsOn = Iso(startsOn), endsOn = endsOn is { } e ? Iso(e) : null, venueId });

    private Task<JsonElement> PatrolAsync(string gridCode, DateTimeOffset patrolledAt, string kind = "Fire", HttpClient? client = null, Guid? venueId = null) =>
        (client ?? Client).PostOkAsync("/api/safety/patrols", new { gridCode, kind, patrolledAt, route = "沿河路—村口", participants = 2, venueId });

    private static DateTimeOffset StartOf(DateOnly day) => CommunityTime.StartOf(day);

    private Task<long> MissedAsync(string grid, string kind, PatrolMonth month) => fixture.ScalarAsync<long>(
        $"SELECT count(*) FROM outbox_messages WHERE message_type = 'CommunityPlatform.Contracts.Safety.PatrolQuotaMissed' " +
        $"AND payload->>'gridCode' = '{grid}' AND payload->>'patrolKind' = '{kind}' AND payload->>'month' = '{month}'");

    private async Task<JsonElement> QuotaAsync(string grid, PatrolMonth? month = null) => Assert.Single((await Client.GetFromJsonAsync<JsonElement>(
        $"/api/safety/patrol-quotas?gridCode={grid}" + (month is { } m ? $"&month={m}" : ""))).GetProperty("plans").EnumerateArray());

    [Fact]
    public async Task This_months_attainment_counts_the_patrols_held_so_far_and_is_not_missed_before_the_month_ends()
    {
        var grid = fixture.NewGrid();
        await PlanAsync(grid, "消防巡查", 4, ThisMonth.First);
        // Instants between the month's start and now, so the test holds in the month's first minutes too.
        var monthStart = StartOf(ThisMonth.First);
        var now = DateTimeOffset.UtcNow;
        DateTimeOffset SoFar(double fraction) => monthStart + ((now - monthStart) * fraction);
        await PatrolAsync(grid, SoFar(0.1));
        await PatrolAsync(grid, SoFar(0.9));
        // Sent in China Standard Time: stored as the same instant (not refused by the database's UTC-only rule).
        await PatrolAsync(grid, SoFar(0.95).ToOffset(TimeSpan.FromHours(8)));
        await PatrolAsync(grid, SoFar(0.9), kind: "ForestFire");
        await PatrolAsync(grid, monthStart.AddMinutes(-1));

        var report = await Client.GetFromJsonAsync<JsonElement>($"/api/safety/patrol-quotas?gridCode={grid}");
        Assert.Equal(ThisMonth.ToString(), report.Text("month"));
        var quota = Assert.Single(report.GetProperty("plans").EnumerateArray());
        Assert.Equal(("Fire", 4, 3), (quota.Text("kind"), quota.GetProperty("required").GetInt32(), quota.GetProperty("held").GetInt32()));
        Assert.False(quota.GetProperty("finished").GetBoolean());
        Assert.False(quota.GetProperty("attained").GetBoolean());
        Assert.False(quota.GetProperty("missed").GetBoolean());
    }

    [Fact]
    public async Task A_plan_that_started_months_ago_with_too_few_patrols_is_announced_missed_once_per_missed_month()
    {
        var grid = fixture.NewGrid();
        var lastMonth = ThisMonth.Previous;
        var monthBefore = lastMonth.Previous;
        // Patrols first, so the monitor never judges a month before its patrols are in.
        await PatrolAsync(grid, StartOf(monthBefore.First.AddDays(9)));
        await PatrolAsync(grid, StartOf(lastMonth.First).AddMinutes(-1));
        await PatrolAsync(grid, StartOf(lastMonth.First).AddMinutes(30));
        var fire = (await PlanAsync(grid, "Fire", 2, monthBefore.First)).Id();
        var forest = (await PlanAsync(grid, "ForestFire", 1, lastMonth.First.AddDays(14))).Id();
        await PlanAsync(grid, "Flood", 3, ThisMonth.First);

        await Eventually.ReturnsAsync(
            () => fixture.ScalarAsync<long>($"SELECT count(*) FROM quota_judgements WHERE plan_id IN ('{fire}', '{forest}')"),
            n => n == 3, SafetyApiFixture.Patience, "the finished months to be judged");
        await Task.Delay(TimeSpan.FromSeconds(3));

        Assert.Equal(0, await MissedAsync(grid, "Fire", monthBefore));
        Assert.Equal(1, await MissedAsync(grid, "Fire", lastMonth));
        Assert.Equal(1, await MissedAsync(grid, "ForestFire", lastMonth));
        Assert.Equal(2, await fixture.ScalarAsync<long>(
            $"SELECT count(*) FROM outbox_messages WHERE message_type LIKE '%.PatrolQuotaMissed' AND payload->>'gridCode' = '{grid}'"));
        Assert.Equal("1", await fixture.ScalarAsync<string>(
            $"SELECT payload->>'held' FROM outbox_messages WHERE message_type LIKE '%.PatrolQuotaMissed' AND payload->>'gridCode' = '{grid}' AND payload->>'patrolKind' = 'Fire'"));
        Assert.Equal(0, await fixture.ScalarAsync<long>($"SELECT count(*) FROM quota_judgements WHERE month = '{ThisMonth}' AND plan_id IN ('{fire}', '{forest}')"));
        Assert.False(await fixture.ScalarAsync<bool>($"SELECT missed FROM quota_judgements WHERE plan_id = '{fire}' AND month = '{monthBefore}'"));

        var fireQuotas = (await Client.GetFromJsonAsync<JsonElement>($"/api/safety/patrol-quotas?gridCode={grid}&month={lastMonth}"))
            .GetProperty("plans").EnumerateArray().Single(q => q.Text("kind") == "Fire");
        Assert.Equal((2, 1, true, true), (fireQuotas.GetProperty("required").GetInt32(), fireQuotas.GetProperty("held").GetInt32(),
            fireQuotas.GetProperty("finished").GetBoolean(), fireQuotas.GetProperty("missed").GetBoolean()));
        var earlier = await QuotaAsync(grid, monthBefore);
        Assert.Equal((2, true, false), (earlier.GetProperty("held").GetInt32(), earlier.GetProperty("attained").GetBoolean(), earlier.GetProperty("missed").GetBoolean()));
    }

    [Fact]
    public async Task Patrols_are_listed_by_grid_kind_and_month_of_the_community_calendar()
    {
        var grid = fixture.NewGrid();
        var lastMonth = ThisMonth.Previous;
        await PatrolAsync(grid, StartOf(ThisMonth.First).AddMinutes(-1));
        await PatrolAsync(grid, StartOf(ThisMonth.First).AddMinutes(1), kind: "防汛巡查");

        var recorded = Assert.Single(await Client.ItemsAsync($"/api/safety/patrols?gridCode={grid}&month={lastMonth}"));
        Assert.Equal(("Fire", "消防巡查", "未发现异常", 2), (recorded.Text("kind"), recorded.Text("kindLabel"), recorded.Text("findings"), recorded.GetProperty("participants").GetInt32()));
        Assert.Equal("Flood", Assert.Single(await Client.ItemsAsync($"/api/safety/patrols?gridCode={grid}&month={ThisMonth}")).Text("kind"));
        Assert.Single(await Client.ItemsAsync($"/api/safety/patrols?gridCode={grid}&kind=Flood"));
        Assert.Equal(2, (await Client.ItemsAsync($"/api/safety/patrols?gridCode={grid}")).Count);
        await (await Client.GetAsync("/api/safety/patrols?month=2026-13")).AssertInvalidAsync("month");
        await (await Client.GetAsync("/api/safety/patrols?kind=Jogging")).AssertInvalidAsync("kind");
        await (await Client.GetAsync("/api/safety/patrol-quotas?month=last")).AssertInvalidAsync("month");
    }

    [Fact]
    public async Task Plans_and_patrols_are_validated_and_name_the_failing_field()
    {
        var grid = fixture.NewGrid();
        var other = fixture.NewGrid();
        var venueElsewhere = await Client.RegisterVenueIdAsync(other, "Waters", "水库");

        await (await Client.PostAsJsonAsync("/api/safety/patrol-plans", new { gridCode = SafetyApiFixture.UnknownGrid(), kind = "Fire", timesPerMonth = 2, startsOn = Iso(Today) })).AssertInvalidAsync("gridCode");
        await (await Client.PostAsJsonAsync("/api/safety/patrol-plans", new { gridCode = grid, kind = "Fire", timesPerMonth = 0, startsOn = Iso(Today) })).AssertInvalidAsync("timesPerMonth");
        await (await Client.PostAsJsonAsync("/api/safety/patrol-plans", new { gridCode = grid, kind = "夜跑", timesPerMonth = 2, startsOn = Iso(Today) })).AssertInvalidAsync("kind");
        await (await Client.PostAsJsonAsync("/api/safety/patrol-plans", new { gridCode = grid, kind = "Fire", timesPerMonth = 2 })).AssertInvalidAsync("startsOn");
        await (await Client.PostAsJsonAsync("/api/safety/patrol-plans", new { gridCode = grid, kind = "Drowning", timesPerMonth = 2, startsOn = Iso(Today), venueId = venueElsewhere })).AssertInvalidAsync("venueId");
        await (await Client.PostAsJsonAsync("/api/safety/patrol-plans", new { gridCode = grid, kind = "Drowning", timesPerMonth = 2, startsOn = Iso(Today), venueId = Guid.NewGuid() })).AssertInvalidAsync("venueId");

        await (await Client.PostAsJsonAsync("/api/safety/patrols", new { gridCode = grid, kind = "Fire", patrolledAt = DateTimeOffset.UtcNow.AddHours(1) })).AssertInvalidAsync("patrolledAt");
        await (await Client.PostAsJsonAsync("/api/safety/patrols", new { gridCode = grid, kind = "Fire" })).AssertInvalidAsync("patrolledAt");
        await (await Client.PostAsJsonAsync("/api/safety/patrols", new { gridCode = SafetyApiFixture.UnknownGrid(), kind = "Fire", patrolledAt = DateTimeOffset.UtcNow })).AssertInvalidAsync("gridCode");
        await (await Client.PostAsJsonAsync("/api/safety/patrols", new { gridCode = grid, kind = "Fire", patrolledAt = DateTimeOffset.UtcNow, venueId = venueElsewhere })).AssertInvalidAsync("venueId");
        await (await Client.PostAsJsonAsync("/api/safety/patrols", new { gridCode = grid, kind = "Fire", patrolledAt = DateTimeOffset.UtcNow, participants = 0 })).AssertInvalidAsync("participants");
        Assert.Empty(await Client.ListAsync($"/api/safety/patrol-plans?gridCode={grid}"));
        Assert.Empty(await Client.ItemsAsync($"/api/safety/patrols?gridCode={grid}"));
    }

    [Fact]
    public async Task A_plan_at_one_venue_counts_only_the_patrols_there_and_a_plan_can_be_ended()
    {
        var grid = fixture.NewGrid();
        var pond = await Client.RegisterVenueIdAsync(grid, "Waters", "村口水塘");
        var plan = await PlanAsync(grid, "Drowning", 2, ThisMonth.First, venueId: pond);
        Assert.Equal(("防溺水巡查", pond), (plan.Text("kindLabel"), plan.GetProperty("venueId").GetGuid()));
        await PatrolAsync(grid, DateTimeOffset.UtcNow.AddMinutes(-3), "Drowning", venueId: pond);
        await PatrolAsync(grid, DateTimeOffset.UtcNow.AddMinutes(-2), "Drowning");
        Assert.Equal(1, (await QuotaAsync(grid)).GetProperty("held").GetInt32());

        var ended = await Client.PostOkAsync($"/api/safety/patrol-plans/{plan.Id()}/end", new { endsOn = Iso(ThisMonth.Last) }, HttpStatusCode.OK);
        Assert.Equal(Iso(ThisMonth.Last), ended.Text("endsOn"));
        Assert.Empty((await Client.GetFromJsonAsync<JsonElement>($"/api/safety/patrol-quotas?gridCode={grid}&month={ThisMonth.Next}")).GetProperty("plans").EnumerateArray());
        await (await Client.PostAsJsonAsync($"/api/safety/patrol-plans/{plan.Id()}/end", new { endsOn = Iso(ThisMonth.First.AddDays(-1)) })).AssertInvalidAsync("endsOn");
        await (await Client.PostAsJsonAsync($"/api/safety/patrol-plans/{plan.Id()}/end", new { })).AssertInvalidAsync("endsOn");
        Assert.Equal(HttpStatusCode.NotFound, (await Client.PostAsJsonAsync($"/api/safety/patrol-plans/{Guid.NewGuid()}/end", new { endsOn = Iso(Today) })).StatusCode);
        Assert.Equal(pond, Assert.Single(await Client.ListAsync($"/api/safety/patrol-plans?gridCode={grid}")).GetProperty("venueId").GetGuid());
    }

    [Fact]
    public async Task Only_the_office_plans_patrols_and_a_grid_worker_records_and_sees_only_their_grids()
    {
        var mine = fixture.NewGrid();
        var theirs = fixture.NewGrid();
        var theirPlan = await PlanAsync(theirs, "Fire", 2, ThisMonth.First);
        await PlanAsync(mine, "Fire", 2, ThisMonth.First);
        var gridWorker = fixture.App.CreateClientAs(CommunityRoles.GridWorker, mine);

        Assert.Equal(HttpStatusCode.Forbidden, (await gridWorker.PostAsJsonAsync("/api/safety/patrol-plans", new { gridCode = mine, kind = "Fire", timesPerMonth = 1, startsOn = Iso(Today) })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await fixture.App.CreateClientAs(CommunityRoles.Inspector).PostAsJsonAsync($"/api/safety/patrol-plans/{theirPlan.Id()}/end", new { endsOn = Iso(Today) })).StatusCode);
        await PatrolAsync(mine, DateTimeOffset.UtcNow.AddMinutes(-1), client: gridWorker);
        await (await gridWorker.PostAsJsonAsync("/api/safety/patrols", new { gridCode = theirs, kind = "Fire", patrolledAt = DateTimeOffset.UtcNow })).AssertInvalidAsync("gridCode");
        Assert.All(await gridWorker.ListAsync("/api/safety/patrol-plans"), p => Assert.Equal(mine, p.Text("gridCode")));
        Assert.Empty(await gridWorker.ListAsync($"/api/safety/patrol-plans?gridCode={theirs}"));
        Assert.All(await gridWorker.ItemsAsync("/api/safety/patrols?limit=200"), p => Assert.Equal(mine, p.Text("gridCode")));
        var quotas = (await gridWorker.GetFromJsonAsync<JsonElement>("/api/safety/patrol-quotas")).GetProperty("plans").EnumerateArray().ToList();
        Assert.Equal(1, Assert.Single(quotas).GetProperty("held").GetInt32());

        Assert.Equal(HttpStatusCode.Unauthorized, (await fixture.Anonymous.GetAsync("/api/safety/patrol-quotas")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await fixture.App.CreateClientAs(CommunityRoles.Resident, mine).PostAsJsonAsync("/api/safety/patrols", new { gridCode = mine, kind = "Fire", patrolledAt = DateTimeOffset.UtcNow })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await fixture.App.CreateClientAs(CommunityRoles.Member).GetAsync("/api/safety/patrol-plans")).StatusCode);
    }
}
