using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommunityPlatform.Contracts.County;
using CommunityPlatform.Contracts.Safety;
using CommunityPlatform.ServiceKit.Domain;
using CommunityPlatform.TestSupport;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityPlatform.Grid.FunctionalTests;

/// <summary>A case the county handed down and the community signed for becomes one matter, whose progress names the case.</summary>
[Collection(GridApiCollection.Name)]
public sealed class CountyCaseConsumerTests(GridApiFixture fixture)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private HttpClient Client => fixture.Client;

    private IBus Bus => fixture.App.Services.GetRequiredService<IBus>();

    private static CountyCaseSignedFor SignedFor(string grid, DateTimeOffset? expected) => new()
    {
        EventId = Guid.NewGuid(), OccurredAt = DateTimeOffset.UtcNow, ServiceRequestId = Guid.NewGuid(), ServiceCode = "environment", Category = "Environment",
        GridCode = grid, Location = "幸福小区3栋北侧", Description = "楼后垃圾堆放多日无人清运", ExpectedDatetime = expected, SignedForAt = DateTimeOffset.UtcNow,
    };

    private Task<JsonElement> MatterOfGridAsync(string grid) =>
        Eventually.ReturnsAsync(
            async () => (await Client.GetFromJsonAsync<JsonElement>($"/api/grid/matters?gridCode={grid}")).GetProperty("items"),
            items => items.GetArrayLength() > 0, Patience, $"a matter in {grid}");

    private Task<long> OutboxAsync(string type, string condition) =>
        fixture.ScalarAsync<long>($"SELECT count(*) FROM outbox_messages WHERE message_type LIKE '%.{type}' AND {condition}");

    [Fact]
    public async Task A_signed_for_case_opens_one_accepted_matter_due_when_the_county_expects_it_and_its_resolution_and_closing_name_the_case()
    {
        var grid = GridApi.UniqueCode();
        var expected = DateTimeOffset.UtcNow.AddDays(6);
        var signed = SignedFor(grid, expected);
        await Bus.Publish(signed, context => context.MessageId = signed.EventId);
        await Bus.Publish(signed, context => context.MessageId = signed.EventId);
        var again = signed with { EventId = Guid.NewGuid() };
        await Bus.Publish(again, context => context.MessageId = again.EventId);

        var matter = Assert.Single((await MatterOfGridAsync(grid)).EnumerateArray());
        Assert.Equal("CountyCase", matter.GetProperty("source").GetString());
        Assert.Equal(signed.ServiceRequestId.ToString(), matter.GetProperty("sourceId").GetString());
        Assert.Equal("Accepted", matter.GetProperty("status").GetString());
        Assert.Equal("Environment", matter.GetProperty("category").GetString());
        Assert.Equal(GridApi.Iso(CommunityTime.DateOf(expected)), matter.GetProperty("dueOn").GetString());
        Assert.Equal("幸福小区3栋北侧", matter.GetProperty("location").GetString());
        Assert.Equal("楼后垃圾堆放多日无人清运", matter.GetProperty("description").GetString());
        var id = matter.GetProperty("id").GetGuid();
        await Eventually.ReturnsAsync(() => fixture.ScalarAsync<long>($"SELECT count(*) FROM inbox_messages WHERE message_id = '{again.EventId}'"), n => n == 1, Patience, "the second copy");
        Assert.Equal(1, await fixture.ScalarAsync<long>($"SELECT count(*) FROM matters WHERE source = 'CountyCase' AND source_id = '{signed.ServiceRequestId}'"));
        Assert.Equal(1, await OutboxAsync("MatterReported", $"payload->>'matterId' = '{id}' AND payload->>'serviceRequestId' = '{signed.ServiceRequestId}'"));

        await Client.PostOkAsync($"/api/grid/matters/{id}/assign", new { handler = "物业公司", dueOn = GridApi.Iso(GridApi.Today.AddDays(2)) }, HttpStatusCode.OK);
        await Client.PostOkAsync($"/api/grid/matters/{id}/resolve", new { resolution = "垃圾已清运" }, HttpStatusCode.OK);
        Assert.Equal(1, await OutboxAsync("MatterResolved", $"payload->>'matterId' = '{id}' AND payload->>'serviceRequestId' = '{signed.ServiceRequestId}'"));
        Assert.Equal(0, await OutboxAsync("MatterClosed", $"payload->>'matterId' = '{id}'"));
        await Client.PostOkAsync($"/api/grid/matters/{id}/close", new { satisfaction = 4 }, HttpStatusCode.OK);
        Assert.Equal(1, await OutboxAsync("MatterClosed", $"payload->>'matterId' = '{id}' AND payload->>'serviceRequestId' = '{signed.ServiceRequestId}' AND payload->>'satisfaction' = '4'"));
    }

    [Fact]
    public async Task Without_an_expected_date_the_categorys_usual_days_apply()
    {
        var grid = GridApi.UniqueCode();
        var signed = SignedFor(grid, expected: null);
        await Bus.Publish(signed, context => context.MessageId = signed.EventId);

        var matter = Assert.Single((await MatterOfGridAsync(grid)).EnumerateArray());
        // Environment matters are due three days after they are signed for (Grid:MatterDueDays).
        Assert.Equal(GridApi.Iso(GridApi.Today.AddDays(3)), matter.GetProperty("dueOn").GetString());
    }

    [Fact]
    public async Task A_matter_closed_because_its_hazard_was_rectified_announces_MatterClosed_too()
    {
        var grid = GridApi.UniqueCode();
        var hazard = new HazardReported
        {
            EventId = Guid.NewGuid(), OccurredAt = DateTimeOffset.UtcNow, HazardId = Guid.NewGuid(), GridCode = grid, VenueId = Guid.NewGuid(),
            Location = "幸福路8号老王面馆", Summary = "灭火器过期", Severity = "General", Deadline = GridApi.Today.AddDays(5),
        };
        await Bus.Publish(hazard, context => context.MessageId = hazard.EventId);
        var id = Assert.Single((await MatterOfGridAsync(grid)).EnumerateArray()).GetProperty("id").GetGuid();

        var rectified = new HazardRectified { EventId = Guid.NewGuid(), OccurredAt = DateTimeOffset.UtcNow, HazardId = hazard.HazardId, GridCode = grid, RectifiedAt = DateTimeOffset.UtcNow };
        await Bus.Publish(rectified, context => context.MessageId = rectified.EventId);
        await Eventually.ReturnsAsync(() => OutboxAsync("MatterClosed", $"payload->>'matterId' = '{id}'"), n => n == 1, Patience, "MatterClosed for the hazard's matter");
        Assert.Equal(0, await OutboxAsync("MatterClosed", $"payload->>'matterId' = '{id}' AND payload->>'serviceRequestId' IS NOT NULL"));
    }
}
