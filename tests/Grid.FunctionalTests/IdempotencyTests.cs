using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace CommunityPlatform.Grid.FunctionalTests;

/// <summary>A grid worker's phone sends a report again after the network dropped: one matter, the same answer.</summary>
[Collection(GridApiCollection.Name)]
public sealed class IdempotencyTests(GridApiFixture fixture)
{
    private static HttpRequestMessage Report(string grid, string key, string description = "路灯不亮") => new(HttpMethod.Post, "/api/grid/matters")
    {
        Headers = { { "Idempotency-Key", key } },
        Content = JsonContent.Create(new
        {
            gridCode = grid, category = "环境卫生", location = "幸福路口", description, reporterKind = "网格员", reporterName = "王网格",
        }),
    };

    [Fact]
    public async Task A_retried_report_with_the_same_key_creates_one_matter_and_gets_the_first_answer()
    {
        var grid = await fixture.Client.CreateGridAsync();
        var key = Guid.NewGuid().ToString();

        var first = await fixture.Client.SendAsync(Report(grid, key));
        var retry = await fixture.Client.SendAsync(Report(grid, key));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal(first.Headers.Location, retry.Headers.Location);
        Assert.Equal("true", retry.Headers.GetValues("Idempotent-Replayed").Single());
        var firstId = (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        Assert.Equal(firstId, (await retry.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
        Assert.Equal(1, await fixture.ScalarAsync<long>($"SELECT count(*) FROM matters WHERE grid_code = '{grid}'"));
        Assert.Equal(1, await fixture.ScalarAsync<long>($"SELECT count(*) FROM outbox_messages WHERE message_type LIKE '%MatterReported' AND payload->>'gridCode' = '{grid}'"));
    }

    [Fact]
    public async Task The_same_key_for_a_different_report_is_refused_and_without_a_key_each_post_is_its_own()
    {
        var grid = await fixture.Client.CreateGridAsync();
        var key = Guid.NewGuid().ToString();
        Assert.Equal(HttpStatusCode.Created, (await fixture.Client.SendAsync(Report(grid, key))).StatusCode);
        await (await fixture.Client.SendAsync(Report(grid, key, "井盖缺失"))).AssertRuleAsync("idempotency.key-reused");

        await fixture.Client.ReportMatterAsync(grid);
        await fixture.Client.ReportMatterAsync(grid);
        Assert.Equal(3, await fixture.ScalarAsync<long>($"SELECT count(*) FROM matters WHERE grid_code = '{grid}'"));
        Assert.Contains("visible ASCII", await (await fixture.Client.SendAsync(Report(grid, new string('k', 101)))).AssertInvalidAsync("Idempotency-Key"));
    }

    [Fact]
    public async Task A_refused_request_stores_nothing_so_the_corrected_retry_with_the_same_key_goes_through()
    {
        var grid = await fixture.Client.CreateGridAsync();
        var key = Guid.NewGuid().ToString();
        await (await fixture.Client.SendAsync(Report(grid, key, ""))).AssertInvalidAsync("description");
        Assert.Equal(0, await fixture.ScalarAsync<long>($"SELECT count(*) FROM idempotent_requests WHERE key = '{key}'"));
        Assert.Equal(HttpStatusCode.Created, (await fixture.Client.SendAsync(Report(grid, key, "垃圾桶破损"))).StatusCode);
    }
}
