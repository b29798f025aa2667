using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommunityPlatform.Contracts.Safety;
using CommunityPlatform.Contracts.Volunteer;
using CommunityPlatform.TestSupport;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityPlatform.Grid.FunctionalTests;

[Collection(GridApiCollection.Name)]
public sealed class HazardConsumersTests(GridApiFixture fixture)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private HttpClient Client => fixture.Client;

    private IBus Bus => fixture.App.Services.GetRequiredService<IBus>();

    private Task PublishAsync<T>(T message, Guid messageId)
        where T : class =>
        Bus.Publish(message, context => context.MessageId = messageId);

    private static HazardReported Hazard(string grid, string severity = "General", DateOnly? deadline = null) => new()
    {
        EventId = Guid.NewGuid(), OccurredAt = DateTimeOffset.UtcNow, HazardId = Guid.NewGuid(), GridCode = grid, VenueId = Guid.NewGuid(),
        Location = "幸福路8号老王面馆", Summary = "消防通道堵塞", Severity = severity, Deadline = deadline ?? GridApi.Today.AddDays(5),
    };

    private Task<long> HandledAsync(Guid messageId, string consumer) =>
        fixture.ScalarAsync<long>($"SELECT count(*) FROM inbox_messages WHERE message_id = '{messageId}' AND consumer = '{consumer}'");

    private Task WaitHandledAsync(Guid messageId, string consumer) =>
        Eventually.ReturnsAsync(() => HandledAsync(messageId, consumer), n => n == 1, Patience, $"{consumer} to handle {messageId}");

    private async Task<List<JsonElement>> MattersOfGridAsync(string grid) =>
        (await Client.GetFromJsonAsync<JsonElement>($"/api/grid/matters?gridCode={grid}&limit=200")).GetProperty("items").EnumerateArray().ToList();

    private async Task<JsonElement> SingleMatterAsync(string grid) =>
        Assert.Single(await Eventually.ReturnsAsync(() => MattersOfGridAsync(grid), m => m.Count > 0, Patience, $"a matter in {grid}"));

    /// <summary>The grid statistics' matters resolved today (the tests of this collection run one at a time).</summary>
    private async Task<int> ResolvedTodayAsync() =>
        (await Client.GetFromJsonAsync<JsonElement>($"/api/grid/statistics?from={GridApi.Iso(GridApi.Today)}&to={GridApi.Iso(GridApi.Today)}"))
            .GetProperty("matters").GetProperty("resolved").GetInt32();

    [Fact]
    public async Task A_hazard_reported_again_and_redelivered_opens_exactly_one_signed_for_safety_matter_due_by_its_deadline()
    {
        var grid = GridApi.UniqueCode();
        var hazard = Hazard(grid, deadline: GridApi.Today.AddDays(4));
        var again = hazard with { EventId = Guid.NewGuid() };

        await PublishAsync(hazard, hazard.EventId);
        await PublishAsync(hazard, hazard.EventId);
        await PublishAsync(again, again.EventId);
        await WaitHandledAsync(hazard.EventId, "OpenHazardMatterConsumer");
        await WaitHandledAsync(again.EventId, "OpenHazardMatterConsumer");

        var matter = await SingleMatterAsync(grid);
        Assert.Equal("Hazard", matter.GetProperty("source").GetString());
        Assert.Equal(hazard.HazardId.ToString(), matter.GetProperty("sourceId").GetString());
        Assert.Equal("Safety", matter.GetProperty("category").GetString());
        Assert.Equal("Accepted", matter.GetProperty("status").GetString());
        Assert.Equal("System", matter.GetProperty("reporterKind").GetString());
        Assert.Equal(GridApi.Iso(hazard.Deadline), matter.GetProperty("dueOn").GetString());
        Assert.False(matter.GetProperty("escalated").GetBoolean());
        Assert.Equal("幸福路8号老王面馆", matter.GetProperty("location").GetString());
        Assert.Contains("一般隐患：消防通道堵塞", matter.GetProperty("description").GetString());
        var id = matter.GetProperty("id").GetGuid();
        Assert.Equal(1, await fixture.ScalarAsync<long>($"SELECT count(*) FROM matters WHERE source = 'Hazard' AND source_id = '{hazard.HazardId}'"));
        Assert.Equal(1, await fixture.ScalarAsync<long>($"SELECT count(*) FROM outbox_messages WHERE message_type LIKE '%MatterReported' AND payload->>'matterId' = '{id}'"));
        var timeline = (await Client.GetFromJsonAsync<JsonElement>($"/api/grid/matters/{id}")).GetProperty("timeline").EnumerateArray().ToList();
        // Opened and signed for in one go, the two steps still read in order.
        Assert.Equal(["Reported", "Accepted"], timeline.Select(t => t.GetProperty("status").GetString()));
        Assert.All(timeline, t => Assert.Equal("system", t.GetProperty("actor").GetString()));
    }

    [Fact]
    public async Task A_major_hazard_opens_an_escalated_matter()
    {
        var grid = GridApi.UniqueCode();
        var hazard = Hazard(grid, "Major");

        await PublishAsync(hazard, hazard.EventId);

        var matter = await SingleMatterAsync(grid);
        Assert.True(matter.GetProperty("escalated").GetBoolean());
        Assert.StartsWith("重大隐患", matter.GetProperty("description").GetString());
        var board = (await Client.GetFromJsonAsync<JsonElement>($"/api/grid/matters?gridCode={grid}&escalated=true")).Ids();
        Assert.Equal([matter.GetProperty("id").GetGuid()], board);
    }

    [Fact]
    public async Task An_overdue_hazard_escalates_its_matter_with_the_deadline_on_the_timeline()
    {
        var grid = GridApi.UniqueCode();
        var deadline = GridApi.Today.AddDays(-1);
        var hazard = Hazard(grid, deadline: deadline);
        await PublishAsync(hazard, hazard.EventId);
        var id = (await SingleMatterAsync(grid)).GetProperty("id").GetGuid();

        var overdue = new HazardOverdue { EventId = Guid.NewGuid(), OccurredAt = DateTimeOffset.UtcNow, HazardId = hazard.HazardId, GridCode = grid, Deadline = deadline };
        await PublishAsync(overdue, overdue.EventId);
        await WaitHandledAsync(overdue.EventId, "EscalateOverdueHazardConsumer");

        var detail = await Client.GetFromJsonAsync<JsonElement>($"/api/grid/matters/{id}");
        Assert.True(detail.GetProperty("matter").GetProperty("escalated").GetBoolean());
        Assert.True(detail.GetProperty("matter").GetProperty("overdue").GetBoolean());
        Assert.Equal("Accepted", detail.GetProperty("matter").GetProperty("status").GetString());
        Assert.Equal($"督办：隐患逾期未整改（期限 {GridApi.Iso(deadline)}）", detail.GetProperty("timeline").EnumerateArray().Last().GetProperty("note").GetString());
        Assert.Equal(1, await fixture.ScalarAsync<long>($"SELECT count(*) FROM matters WHERE grid_code = '{grid}'"));
    }

    [Fact]
    public async Task A_rectified_hazard_closes_its_matter()
    {
        var grid = GridApi.UniqueCode();
        var hazard = Hazard(grid);
        await PublishAsync(hazard, hazard.EventId);
        var id = (await SingleMatterAsync(grid)).GetProperty("id").GetGuid();

        var resolvedBefore = await ResolvedTodayAsync();
        var rectified = new HazardRectified { EventId = Guid.NewGuid(), OccurredAt = DateTimeOffset.UtcNow, HazardId = hazard.HazardId, GridCode = grid, RectifiedAt = DateTimeOffset.UtcNow };
        await PublishAsync(rectified, rectified.EventId);
        await WaitHandledAsync(rectified.EventId, "CloseHazardMatterConsumer");

        var detail = await Client.GetFromJsonAsync<JsonElement>($"/api/grid/matters/{id}");
        Assert.Equal("Closed", detail.GetProperty("matter").GetProperty("status").GetString());
        Assert.Equal("closed", detail.GetProperty("matter").GetProperty("open311Status").GetString());
        Assert.Equal("隐患整改复查合格，自动销号", detail.GetProperty("timeline").EnumerateArray().Last().GetProperty("note").GetString());
        Assert.True(await fixture.ScalarAsync<bool>($"SELECT closed_at IS NOT NULL FROM matters WHERE id = '{id}'"));
        // Closed through its hazard, the matter counts as resolved: in the resolved filter, the statistics and MatterResolved.
        Assert.Contains(id, (await Client.GetFromJsonAsync<JsonElement>($"/api/grid/matters?gridCode={grid}&resolved=true")).Ids());
        Assert.Equal(resolvedBefore + 1, await ResolvedTodayAsync());
        Assert.Equal(1, await fixture.ScalarAsync<long>($"SELECT count(*) FROM outbox_messages WHERE message_type LIKE '%MatterResolved' AND payload->>'matterId' = '{id}'"));

        // A late overdue notice for the same hazard leaves the closed matter alone.
        var late = new HazardOverdue { EventId = Guid.NewGuid(), OccurredAt = DateTimeOffset.UtcNow, HazardId = hazard.HazardId, GridCode = grid, Deadline = hazard.Deadline };
        await PublishAsync(late, late.EventId);
        await WaitHandledAsync(late.EventId, "EscalateOverdueHazardConsumer");
        Assert.False((await Client.GetFromJsonAsync<JsonElement>($"/api/grid/matters/{id}")).GetProperty("matter").GetProperty("escalated").GetBoolean());
    }

    [Fact]
    public async Task A_missed_patrol_quota_opens_one_escalated_matter_per_grid_kind_and_month()
    {
        var grid = GridApi.UniqueCode();
        PatrolQuotaMissed Missed(string kind, string month) => new()
        {
            EventId = Guid.NewGuid(), OccurredAt = DateTimeOffset.UtcNow, GridCode = grid, PatrolKind = kind, Month = month, Required = 4, Held = 1,
        };
        var first = Missed("ForestFire", "2026-10");
        var second = Missed("ForestFire", "2026-10");
        var nextMonth = Missed("ForestFire", "2026-11");
        var otherKind = Missed("Flood", "2026-10");

        foreach (var missed in new[] { first, second, nextMonth, otherKind })
        {
            await PublishAsync(missed, missed.EventId);
        }

        foreach (var missed in new[] { first, second, nextMonth, otherKind })
        {
            await WaitHandledAsync(missed.EventId, "EscalateMissedPatrolQuotaConsumer");
        }

        var matters = await MattersOfGridAsync(grid);
        Assert.Equal(
            [$"{grid}:Flood:2026-10", $"{grid}:ForestFire:2026-10", $"{grid}:ForestFire:2026-11"],
            matters.Select(m => m.GetProperty("sourceId").GetString()).Order(StringComparer.Ordinal));
        Assert.All(matters, m =>
        {
            Assert.Equal("PatrolQuota", m.GetProperty("source").GetString());
            Assert.True(m.GetProperty("escalated").GetBoolean());
            Assert.Equal("Accepted", m.GetProperty("status").GetString());
            Assert.Equal(GridApi.Iso(GridApi.Today.AddDays(7)), m.GetProperty("dueOn").GetString());
        });
        var forestFire = matters.Single(m => m.GetProperty("sourceId").GetString()!.EndsWith("ForestFire:2026-10", StringComparison.Ordinal)).GetProperty("description").GetString();
        Assert.Contains("应巡查 4 次，实际 1 次", forestFire);
        Assert.EndsWith("（森林防火巡查）", forestFire);
        Assert.EndsWith("（防汛巡查）", matters.Single(m => m.GetProperty("sourceId").GetString()!.EndsWith("Flood:2026-10", StringComparison.Ordinal)).GetProperty("description").GetString());
    }

    [Fact]
    public async Task A_patrol_observation_opens_a_reported_matter_for_the_grid_worker_to_sign_for()
    {
        var grid = await Client.CreateGridAsync();
        var observation = new PatrolObservationReported
        {
            EventId = Guid.NewGuid(), OccurredAt = DateTimeOffset.UtcNow, ObservationId = Guid.NewGuid(), ActivityId = Guid.NewGuid(), GridCode = grid,
            Location = "后山防火道", Description = "有人在林边焚烧秸秆", ObservedAt = DateTimeOffset.UtcNow.AddMinutes(-30),
        };

        var redelivery = Guid.NewGuid();
        await PublishAsync(observation, observation.EventId);
        await PublishAsync(observation, redelivery);

        var matter = await SingleMatterAsync(grid);
        Assert.Equal("Reported", matter.GetProperty("status").GetString());
        Assert.Equal("PatrolObservation", matter.GetProperty("source").GetString());
        Assert.Equal(observation.ObservationId.ToString(), matter.GetProperty("sourceId").GetString());
        Assert.Equal(JsonValueKind.Null, matter.GetProperty("dueOn").ValueKind);
        Assert.False(matter.GetProperty("escalated").GetBoolean());
        Assert.Equal("有人在林边焚烧秸秆", matter.GetProperty("description").GetString());

        var worker = fixture.App.CreateClientAs(ServiceKit.Security.CommunityRoles.GridWorker, grid);
        var accepted = await worker.PostOkAsync($"/api/grid/matters/{matter.GetProperty("id").GetGuid()}/accept", new { }, HttpStatusCode.OK);
        Assert.Equal(GridApi.Iso(GridApi.Today.AddDays(7)), accepted.GetProperty("dueOn").GetString());
        await WaitHandledAsync(redelivery, "OpenObservationMatterConsumer");
        Assert.Equal(1, await fixture.ScalarAsync<long>($"SELECT count(*) FROM matters WHERE source = 'PatrolObservation' AND source_id = '{observation.ObservationId}'"));
    }

    [Fact]
    public async Task A_reopened_hazard_moves_its_matters_due_date_to_the_new_deadline_once_however_often_it_arrives()
    {
        var grid = GridApi.UniqueCode();
        var hazard = Hazard(grid, deadline: GridApi.Today.AddDays(2));
        await PublishAsync(hazard, hazard.EventId);
        var id = (await SingleMatterAsync(grid)).GetProperty("id").GetGuid();

        var reopened = new HazardReopened
        {
            EventId = Guid.NewGuid(), OccurredAt = DateTimeOffset.UtcNow, HazardId = hazard.HazardId, GridCode = grid,
            Deadline = GridApi.Today.AddDays(9), ReopenedAt = DateTimeOffset.UtcNow,
        };
        await PublishAsync(reopened, reopened.EventId);
        await PublishAsync(reopened, reopened.EventId);
        await WaitHandledAsync(reopened.EventId, "RescheduleHazardMatterConsumer");

        var detail = await Client.GetFromJsonAsync<JsonElement>($"/api/grid/matters/{id}");
        Assert.Equal(GridApi.Iso(reopened.Deadline), detail.GetProperty("matter").GetProperty("dueOn").GetString());
        Assert.Single(detail.GetProperty("timeline").EnumerateArray(), t => t.GetProperty("note").GetString()!.Contains(GridApi.Iso(reopened.Deadline)));
    }

    [Fact]
    public async Task The_grid_cannot_resolve_or_close_a_hazards_matter_behind_the_safety_services_back()
    {
        var grid = GridApi.UniqueCode();
        var hazard = Hazard(grid);
        await PublishAsync(hazard, hazard.EventId);
        var id = (await SingleMatterAsync(grid)).GetProperty("id").GetGuid();
        await Client.PostOkAsync($"/api/grid/matters/{id}/assign", new { handler = "店主", dueOn = GridApi.Iso(GridApi.Today) }, HttpStatusCode.OK);

        var refused = await (await Client.PostAsJsonAsync($"/api/grid/matters/{id}/resolve", new { resolution = "已整改" })).AssertRuleAsync("matter.mirrored");
        Assert.Contains(hazard.HazardId.ToString(), refused.GetProperty("detail").GetString());
        Assert.Equal("Assigned", await fixture.ScalarAsync<string>($"SELECT status FROM matters WHERE id = '{id}'"));
        Assert.Equal(0, await fixture.ScalarAsync<long>($"SELECT count(*) FROM outbox_messages WHERE message_type LIKE '%MatterResolved' AND payload->>'matterId' = '{id}'"));
    }
}
