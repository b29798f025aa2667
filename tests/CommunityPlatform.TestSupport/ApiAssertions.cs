using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Xunit;

namespace CommunityPlatform.TestSupport;

/// <summary>
/// How the functional tests call an API and check its answers: a write that must succeed (the body is shown when
/// it does not), a 409 naming its rule, a 400 naming its field.
/// </summary>
public static class ApiAssertions
{
    public static async Task<JsonElement> PostOkAsync(this HttpClient client, string path, object body, HttpStatusCode expected = HttpStatusCode.Created)
    {
        var response = await client.PostAsJsonAsync(path, body);
        Assert.True(response.StatusCode == expected, $"POST {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return response.StatusCode == HttpStatusCode.NoContent ? default : await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static async Task<JsonElement> PutOkAsync(this HttpClient client, string path, object body, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await client.PutAsJsonAsync(path, body);
        Assert.True(response.StatusCode == expected, $"PUT {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return response.StatusCode == HttpStatusCode.NoContent ? default : await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>Asserts a 409 problem naming <paramref name="rule"/> and returns it.</summary>
    public static async Task<JsonElement> AssertRuleAsync(this HttpResponseMessage response, string rule)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Conflict, $"expected 409 {rule}, got {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(rule, problem.GetProperty("rule").GetString());
        return problem;
    }

    /// <summary>Asserts a 400 problem with an error for <paramref name="field"/> and returns that field's messages.</summary>
    public static async Task<string> AssertInvalidAsync(this HttpResponseMessage response, string field)
    {
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"expected 400 on {field}, got {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out var messages), $"no error for {field}: {problem}");
        return string.Join(" ", messages.EnumerateArray().Select(m => m.GetString()));
    }
}
