using System.Net.Http.Json;
using System.Text.Json;
using CommunityPlatform.ServiceKit.Domain;
using CommunityPlatform.TestSupport;

namespace CommunityPlatform.Safety.FunctionalTests;

/// <summary>Helpers the safety API tests share: registering venues, running inspections, reading lists.</summary>
internal static class SafetyApi
{
    /// <summary>Today on the community's calendar (UTC+8), as the service reckons it.</summary>
    public static DateOnly Today => CommunityTime.Today(TimeProvider.System);

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd");

    public static Task<JsonElement> RegisterVenueAsync(
        this HttpClient client, string gridCode, string kind = "SmallRestaurant", string name = "老王面馆", string? ownerName = "王建国") =>
        client.PostOkAsync("/api/safety/venues", new { name, kind, gridCode, address = "幸福路8号", ownerName, floorArea = 80, capacity = 10 });

    public static async Task<Guid> RegisterVenueIdAsync(this HttpClient client, string gridCode, string kind = "SmallRestaurant", string name = "老王面馆") =>
        (await client.RegisterVenueAsync(gridCode, kind, name)).GetProperty("id").GetGuid();

    public static Task<JsonElement> StartInspectionAsync(this HttpClient client, Guid venueId, string? templateCode = null, Guid? campaignId = null, Guid? taskId = null) =>
        client.PostOkAsync("/api/safety/inspections", new { venueId, templateCode, campaignId, taskId });

    public static Task<JsonElement> AnswerAsync(this HttpClient client, Guid inspectionId, int number, object answer) =>
        client.PutOkAsync($"/api/safety/inspections/{inspectionId}/items/{number}", answer);

    public static object Failed(string? severity = null, DateOnly? deadline = null, bool photo = true) =>
        new { result = "Fail", notes = "现场不合格", photos = photo ? new[] { "photos/evidence.jpg" } : null, severity, deadline = deadline is { } d ? Iso(d) : null };

    /// <summary>Answers every item of <paramref name="inspection"/>: the given failures as given, every other item passed.</summary>
    public static async Task AnswerAllAsync(this HttpClient client, JsonElement inspection, IReadOnlyDictionary<int, object>? failures = null)
    {
        var id = inspection.GetProperty("id").GetGuid();
        foreach (var item in inspection.GetProperty("items").EnumerateArray())
        {
            var number = item.GetProperty("number").GetInt32();
            await client.AnswerAsync(id, number, failures?.GetValueOrDefault(number) ?? new { result = "Pass" });
        }
    }

    public static Task<HttpResponseMessage> CompleteAsync(this HttpClient client, Guid inspectionId, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/safety/inspections/{inspectionId}/complete");
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return client.SendAsync(request);
    }

    /// <summary>Inspects a new small restaurant in <paramref name="gridCode"/> failing <paramref name="failedItems"/> (with photos); returns the completion.</summary>
    public static async Task<JsonElement> InspectAsync(this HttpClient client, string gridCode, params int[] failedItems)
    {
        var venueId = await client.RegisterVenueIdAsync(gridCode);
        return await client.InspectVenueAsync(venueId, failedItems);
    }

    public static async Task<JsonElement> InspectVenueAsync(this HttpClient client, Guid venueId, params int[] failedItems)
    {
        var inspection = await client.StartInspectionAsync(venueId);
        await client.AnswerAllAsync(inspection, failedItems.ToDictionary(n => n, _ => Failed()));
        var completed = await client.CompleteAsync(inspection.GetProperty("id").GetGuid());
        Assert.True(completed.IsSuccessStatusCode, await completed.Content.ReadAsStringAsync());
        return await completed.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>The single hazard an inspection failing one item opened.</summary>
    public static async Task<JsonElement> OpenHazardAsync(this HttpClient client, string gridCode, int item = 1) =>
        Assert.Single((await client.InspectAsync(gridCode, item)).GetProperty("hazards").EnumerateArray());

    public static async Task<List<JsonElement>> ItemsAsync(this HttpClient client, string path) =>
        (await client.GetFromJsonAsync<JsonElement>(path)).GetProperty("items").EnumerateArray().ToList();

    public static async Task<List<JsonElement>> ListAsync(this HttpClient client, string path) =>
        (await client.GetFromJsonAsync<JsonElement>(path)).EnumerateArray().ToList();

    public static Guid Id(this JsonElement element) => element.GetProperty("id").GetGuid();

    public static string? Text(this JsonElement element, string property) => element.GetProperty(property).GetString();
}
