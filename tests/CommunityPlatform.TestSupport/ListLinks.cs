using System.Net.Http.Json;
using System.Text.Json;
using Xunit;

namespace CommunityPlatform.TestSupport;

/// <summary>
/// Follows a list link the way the work report's figures are checked: page after page by <c>?cursor=</c> until
/// <c>nextCursor</c> is null, or the whole list at once when the endpoint answers with a plain array.
/// </summary>
public static class ListLinks
{
    public static async Task<List<JsonElement>> FollowAsync(this HttpClient client, string link)
    {
        var items = new List<JsonElement>();
        string? cursor = null;
        do
        {
            var url = cursor is null ? link : $"{link}{(link.Contains('?') ? '&' : '?')}cursor={Uri.EscapeDataString(cursor)}";
            var response = await client.GetAsync(url);
            Assert.True(response.IsSuccessStatusCode, $"GET {url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            var body = await response.Content.ReadFromJsonAsync<JsonElement>();
            if (body.ValueKind == JsonValueKind.Array)
            {
                items.AddRange(body.EnumerateArray());
                return items;
            }

            items.AddRange(body.GetProperty("items").EnumerateArray());
            cursor = body.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null);

        return items;
    }

    /// <summary>The number at <paramref name="path"/> in a statistics answer, e.g. ("members", "byAgeCohort", "Under35").</summary>
    public static JsonElement Figure(this JsonElement statistics, params string[] path) => path.Aggregate(statistics, (e, p) => e.GetProperty(p));
}
