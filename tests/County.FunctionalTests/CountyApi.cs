using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommunityPlatform.Contracts;
using CommunityPlatform.TestSupport;
using MassTransit;

namespace CommunityPlatform.County.FunctionalTests;

/// <summary>Helpers the county API tests share: a case as the county sends it, the feed, events from the other services.</summary>
internal static class CountyApi
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    public static string Grid => CountyApiFixture.Grids[0];

    public static string NewCountyCaseId() => "XJ-" + Guid.NewGuid().ToString("N")[..12].ToUpperInvariant();

    /// <summary>A case body with every Open311 field; <paramref name="change"/> replaces or removes fields for the validation tests.</summary>
    public static Dictionary<string, object?> CaseBody(string? countyCaseId = null, string serviceCode = "dispute", Action<Dictionary<string, object?>>? change = null)
    {
        var body = new Dictionary<string, object?>
        {
            ["county_case_id"] = countyCaseId ?? NewCountyCaseId(),
            ["service_code"] = serviceCode,
            ["description"] = "群众反映3栋楼上漏水影响楼下，双方协商未果",
            ["address"] = "幸福小区3栋2单元",
            ["lat"] = 27.8123,
            ["long"] = 112.9456,
            ["requested_datetime"] = DateTimeOffset.UtcNow.AddHours(-2),
            ["expected_datetime"] = DateTimeOffset.UtcNow.AddDays(10),
        };
        change?.Invoke(body);
        return body;
    }

    public static async Task<JsonElement> SubmitAsync(this HttpClient county, Dictionary<string, object?>? body = null, HttpStatusCode expected = HttpStatusCode.Created) =>
        await county.PostOkAsync("/api/county/cases", body ?? CaseBody(), expected);

    public static async Task<Guid> SubmitCaseAsync(this HttpClient county, string serviceCode = "dispute") =>
        (await county.SubmitAsync(CaseBody(serviceCode: serviceCode))).GetProperty("service_request_id").GetGuid();

    public static Task<JsonElement> GetCaseAsync(this HttpClient client, Guid id) => client.GetFromJsonAsync<JsonElement>($"/api/county/cases/{id}");

    /// <summary>One page of the feed as the county reads it.</summary>
    public static async Task<JsonElement> ReadFeedAsync(this HttpClient county, string? after, int limit)
    {
        var response = await county.GetAsync($"/api/county/events?limit={limit}" + (after is null ? "" : $"&after={after}"));
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"feed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>The feed's current end, to read only what a test adds after it.</summary>
    public static async Task<string> FeedEndAsync(this HttpClient county)
    {
        var cursor = (string?)null;
        while (true)
        {
            var page = await county.ReadFeedAsync(cursor, 200);
            cursor = page.GetProperty("next_cursor").GetString()!;
            if (page.GetProperty("events").GetArrayLength() < 200)
            {
                return cursor;
            }
        }
    }

    /// <summary>Every event after <paramref name="after"/> until one satisfies <paramref name="until"/> (polling the feed's end).</summary>
    public static async Task<List<JsonElement>> ReadFeedUntilAsync(this HttpClient county, string after, Func<List<JsonElement>, bool> until, string what)
    {
        var events = new List<JsonElement>();
        var cursor = after;
        var deadline = DateTime.UtcNow + Patience;
        while (!until(events))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out waiting for {what} on the feed; saw {events.Count} events.");
            }

            var page = await county.ReadFeedAsync(cursor, 200);
            events.AddRange(page.GetProperty("events").EnumerateArray());
            cursor = page.GetProperty("next_cursor").GetString()!;
            if (page.GetProperty("events").GetArrayLength() < 200)
            {
                await Task.Delay(100);
            }
        }

        return events;
    }

    public static Task PublishAsync(this IBus bus, IntegrationEvent integrationEvent) =>
        bus.Publish(integrationEvent, integrationEvent.GetType(), context => context.MessageId = integrationEvent.EventId);

    public static string Type(this JsonElement cloudEvent) => cloudEvent.GetProperty("type").GetString()!;

    public static string Subject(this JsonElement cloudEvent) => cloudEvent.GetProperty("subject").GetString()!;
}
