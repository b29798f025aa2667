using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace CommunityPlatform.Membership.FunctionalTests;

/// <summary>Small helpers the membership API tests share: unique codes, registering members, asserting problems.</summary>
internal static class MembershipApi
{
    public static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    public static string UniqueCode(string prefix) => $"{prefix}-{Guid.NewGuid().ToString("N")[..6]}";

    public static async Task<Guid> RegisterMemberAsync(
        this HttpClient client, string name = "刘海燕", string organisationCode = MembershipApiFixture.Branch, string gridCode = "G02",
        DateOnly? birthDate = null, string education = "本科", string gender = "女")
    {
        var member = await client.PostOkAsync("/api/membership/members", new
        {
            name, gender, birthDate = birthDate ?? new DateOnly(1985, 5, 20), education, organisationCode, gridCode, phone = "13700001111",
        });
        return member.GetProperty("id").GetGuid();
    }

    public static async Task<JsonElement> PostOkAsync(this HttpClient client, string path, object body, HttpStatusCode expected = HttpStatusCode.Created)
    {
        var response = await client.PostAsJsonAsync(path, body);
        Assert.True(response.StatusCode == expected, $"POST {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
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
