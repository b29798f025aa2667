using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommunityPlatform.ServiceKit.Security;
using CommunityPlatform.TestSupport;
using Npgsql;

namespace CommunityPlatform.Reporting.FunctionalTests;

[Collection(ReportingApiCollection.Name)]
public sealed class SnapshotTests(ReportingApiFixture fixture)
{
    private const string Snapshots = "/api/reports/half-year/snapshots";

    [Fact]
    public async Task A_frozen_copy_reads_byte_for_byte_the_same_after_the_data_changes()
    {
        var secretary = fixture.As(CommunityRoles.Secretary);
        fixture.Services.Serve(FakeServices.Figures(3));
        var frozen = await secretary.PostOkAsync(Snapshots, new { year = 2024, half = 2 });
        var id = frozen.GetProperty("id").GetString();
        var html = await secretary.GetByteArrayAsync($"{Snapshots}/{id}?format=html");
        var markdown = await secretary.GetByteArrayAsync($"{Snapshots}/{id}?format=markdown");
        var json = await secretary.GetByteArrayAsync($"{Snapshots}/{id}?format=json");

        fixture.Services.Serve(FakeServices.Figures(4));

        Assert.Equal(html, await secretary.GetByteArrayAsync($"{Snapshots}/{id}?format=html"));
        Assert.Equal(markdown, await secretary.GetByteArrayAsync($"{Snapshots}/{id}?format=markdown"));
        Assert.Equal(json, await secretary.GetByteArrayAsync($"{Snapshots}/{id}?format=json"));
        var copy = JsonDocument.Parse(json).RootElement;
        var total = copy.GetProperty("figures").EnumerateArray().Single(f => f.GetProperty("key").GetString() == "membership.members.total");
        Assert.Equal(FakeServices.Figures(3)["membership.members.total"], total.GetProperty("value").GetDecimal());

        // The live report, meanwhile, follows the data.
        var live = await secretary.GetFromJsonAsync<JsonElement>("/api/reports/half-year?year=2024&half=2&format=json");
        var liveTotal = live.GetProperty("figures").EnumerateArray().Single(f => f.GetProperty("key").GetString() == "membership.members.total");
        Assert.Equal(FakeServices.Figures(4)["membership.members.total"], liveTotal.GetProperty("value").GetDecimal());
    }

    [Fact]
    public async Task Each_freeze_is_a_new_version_stamped_with_who_froze_it_and_when()
    {
        var secretary = fixture.As(CommunityRoles.Secretary);
        var first = await secretary.PostOkAsync(Snapshots, new { year = 2023, half = 1 });
        var second = await secretary.PostOkAsync(Snapshots, new { year = 2023, half = 1 });

        Assert.Equal(1, first.GetProperty("version").GetInt32());
        Assert.Equal(2, second.GetProperty("version").GetInt32());
        Assert.Equal("测试用户", second.GetProperty("frozenBy").GetString());
        Assert.Equal("2023-06-30", second.GetProperty("to").GetString());
        var html = await secretary.GetStringAsync(second.GetProperty("links").GetProperty("html").GetString());
        Assert.Contains("定稿第2版", html);
        Assert.Contains("由测试用户冻结", html);

        var listed = await secretary.GetFromJsonAsync<JsonElement>($"{Snapshots}?year=2023&half=1");
        Assert.Equal([1, 2], listed.GetProperty("items").EnumerateArray().Select(s => s.GetProperty("version").GetInt32()));
    }

    [Fact]
    public async Task Freezing_announces_the_copy_through_the_outbox()
    {
        var frozen = await fixture.As(CommunityRoles.Secretary).PostOkAsync(Snapshots, new { year = 2022, half = 2 });
        var id = frozen.GetProperty("id").GetString();

        var announced = await fixture.ScalarAsync<long>(
            $"SELECT count(*) FROM outbox_messages WHERE message_type LIKE '%.HalfYearReportFrozen' AND payload->>'snapshotId' = '{id}'");
        Assert.Equal(1, announced);
    }

    [Fact]
    public async Task A_retried_freeze_with_the_same_idempotency_key_makes_one_copy()
    {
        var secretary = fixture.As(CommunityRoles.Secretary);
        var key = Guid.NewGuid().ToString();
        async Task<JsonElement> FreezeAsync()
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, Snapshots) { Content = JsonContent.Create(new { year = 2022, half = 1 }) };
            request.Headers.Add("Idempotency-Key", key);
            var response = await secretary.SendAsync(request);
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            return await response.Content.ReadFromJsonAsync<JsonElement>();
        }

        var first = await FreezeAsync();
        var retried = await FreezeAsync();

        Assert.Equal(first.GetProperty("id").GetString(), retried.GetProperty("id").GetString());
        Assert.Equal(1, await fixture.ScalarAsync<long>("SELECT count(*) FROM report_snapshots WHERE year = 2022 AND half = 1"));
    }

    [Fact]
    public async Task The_database_refuses_to_change_or_delete_a_frozen_copy()
    {
        var frozen = await fixture.As(CommunityRoles.Secretary).PostOkAsync(Snapshots, new { year = 2021, half = 2 });
        var id = frozen.GetProperty("id").GetString();

        foreach (var sql in new[] { $"UPDATE report_snapshots SET html = 'altered' WHERE id = '{id}'", $"DELETE FROM report_snapshots WHERE id = '{id}'" })
        {
            var refused = await Assert.ThrowsAsync<PostgresException>(() => fixture.ScalarAsync<object>(sql));
            Assert.Contains("frozen", refused.MessageText);
        }
    }

    [Fact]
    public async Task Only_the_secretary_freezes_and_a_copy_that_does_not_exist_is_404()
    {
        Assert.Equal(HttpStatusCode.Forbidden, (await fixture.As(CommunityRoles.Staff).PostAsJsonAsync(Snapshots, new { year = 2025, half = 1 })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await fixture.As(CommunityRoles.County).PostAsJsonAsync(Snapshots, new { year = 2025, half = 1 })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await fixture.As(CommunityRoles.County).GetAsync($"{Snapshots}/{Guid.NewGuid()}")).StatusCode);
        await (await fixture.As(CommunityRoles.Secretary).PostAsJsonAsync(Snapshots, new { year = 2025, half = 3 })).AssertInvalidAsync("half");
    }
}
