using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CommunityPlatform.ServiceKit.Security;
using CommunityPlatform.TestSupport;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CommunityPlatform.Volunteer.FunctionalTests;

/// <summary>Helpers the volunteer API tests share: callers with a known account, and the records most tests start from.</summary>
internal static class VolunteerApi
{
    public static string Grid => VolunteerApiFixture.Grids[0];

    public static string OtherGrid => VolunteerApiFixture.Grids[1];

    /// <summary>
    /// A client calling as <paramref name="subject"/>, so a profile can be linked to it. Valid a day either side of
    /// now, because <see cref="VolunteerApiFixture.Later"/> runs hours ahead.
    /// </summary>
    public static HttpClient As<T>(this WebApplicationFactory<T> app, string role, string subject, params string[] grids)
        where T : class => app.AsNamed(role, subject, "测试用户", grids);

    /// <summary>As <see cref="As"/>, with <paramref name="name"/> as the token's name claim, for the records that name who took a step.</summary>
    public static HttpClient AsNamed<T>(this WebApplicationFactory<T> app, string role, string subject, string name, params string[] grids)
        where T : class
    {
        var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = TestTokens.Issuer,
            Audience = CommunityClaims.ApiResource,
            IssuedAt = DateTime.UtcNow.AddDays(-1),
            NotBefore = DateTime.UtcNow.AddDays(-1),
            Expires = DateTime.UtcNow.AddDays(1),
            Claims = new Dictionary<string, object> { ["sub"] = subject, ["name"] = name, ["role"] = new[] { role }, [CommunityClaims.Grid] = grids },
            SigningCredentials = new SigningCredentials(TestTokens.SigningKey, SecurityAlgorithms.RsaSha256),
        });
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public static string NewAccount() => "acct-" + Guid.NewGuid().ToString("N");

    public static string Unique(string prefix) => $"{prefix}{Guid.NewGuid().ToString("N")[..8]}";

    public static async Task<Guid> RegisterVolunteerAsync(this HttpClient client, string? accountId = null, string grid = "VG-01", params string[] skills) =>
        (await client.PostOkAsync("/api/volunteer/volunteers", new { displayName = "王芳", phone = "13800138000", gridCode = grid, skills, accountId }))
            .GetProperty("id").GetGuid();

    public static async Task<Guid> FormTeamAsync(this HttpClient client) =>
        (await client.PostOkAsync("/api/volunteer/teams", new { name = Unique("平安义警队"), focus = "Patrol" })).GetProperty("id").GetGuid();

    /// <summary>A published activity starting <paramref name="startsIn"/> from <paramref name="now"/> and lasting two hours.</summary>
    public static async Task<Guid> PublishedActivityAsync(
        this HttpClient client, DateTimeOffset now, TimeSpan startsIn, string kind = "Environment", int capacity = 10, string[]? skills = null, string grid = "VG-01")
    {
        var id = (await client.PlanActivityAsync(now + startsIn, kind, capacity, skills, grid)).GetProperty("id").GetGuid();
        await client.PostOkAsync($"/api/volunteer/activities/{id}/publish", new { }, HttpStatusCode.OK);
        return id;
    }

    public static async Task<JsonElement> PlanActivityAsync(
        this HttpClient client, DateTimeOffset startsAt, string kind = "Environment", int capacity = 10, string[]? skills = null, string grid = "VG-01") =>
        await client.PostOkAsync("/api/volunteer/activities", new
        {
            teamId = await client.FormTeamAsync(), kind, title = "清理楼道杂物", gridCode = grid, place = "幸福小区3栋",
            startsAt, endsAt = startsAt.AddHours(2), capacity, requiredSkills = skills ?? [],
        });

    public static Task<HttpResponseMessage> SignUpAsync(this HttpClient client, Guid activityId, Guid? volunteerId = null, bool? waitlist = null) =>
        client.PostAsJsonAsync($"/api/volunteer/activities/{activityId}/signups", new { volunteerId, waitlist });

    /// <summary>Asserts a 400 naming every one of <paramref name="fields"/> (the shared helper reads the body, so it checks one field per response).</summary>
    public static async Task AssertInvalidFieldsAsync(this HttpResponseMessage response, params string[] fields)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"expected 400, got {(int)response.StatusCode} {body}");
        var errors = JsonDocument.Parse(body).RootElement.GetProperty("errors");
        Assert.All(fields, field => Assert.True(errors.TryGetProperty(field, out _), $"no error for {field}: {body}"));
    }

    public static Task<long> OutboxCountAsync(this VolunteerApiFixture fixture, string eventType, string condition) =>
        fixture.ScalarAsync<long>($"SELECT count(*) FROM outbox_messages WHERE message_type LIKE '%{eventType}' AND {condition}");
}
