using System.Net;
using System.Security.Cryptography;
using CommunityPlatform.ServiceKit.Security;
using CommunityPlatform.TestSupport;
using Microsoft.IdentityModel.Tokens;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace CommunityPlatform.Membership.FunctionalTests;

[Collection(MembershipApiCollection.Name)]
public sealed class MembersApiTests(MembershipApiFixture fixture)
{
    private HttpClient Client => fixture.Client;

    private static object ValidMember(string name = "赵丽娟", string grid = "G02") => new
    {
        name,
        gender = "女",
        birthDate = "1992-08-15",
        education = "本科",
        organisationCode = "WG-DZB",
        gridCode = grid,
        phone = "13912345678",
    };

    [Fact]
    public async Task Registering_a_member_answers_201_with_its_location_and_stores_it_with_an_outbox_event()
    {
        var response = await Client.PostAsJsonAsync("/api/membership/members", ValidMember());

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetGuid();
        Assert.Equal($"/api/membership/members/{id}", response.Headers.Location!.OriginalString);
        Assert.Equal("Female", created.GetProperty("gender").GetString());
        Assert.Equal("Bachelor", created.GetProperty("education").GetString());
        Assert.False(created.TryGetProperty("phone", out _), "the phone number should not be echoed in responses");

        var fetched = await Client.GetFromJsonAsync<JsonElement>($"/api/membership/members/{id}");
        Assert.Equal("赵丽娟", fetched.GetProperty("name").GetString());
        var outboxRows = await fixture.ScalarAsync<long>(
            $"SELECT count(*) FROM outbox_messages WHERE payload->>'memberId' = '{id}'");
        Assert.Equal(1, outboxRows);
    }

    [Fact]
    public async Task An_unknown_member_is_404()
    {
        var response = await Client.GetAsync($"/api/membership/members/{Guid.NewGuid()}");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Members_are_listed_by_grid_and_paged_by_cursor()
    {
        var grid = "P" + Guid.NewGuid().ToString("N")[..6];
        for (var i = 0; i < 3; i++)
        {
            (await Client.PostAsJsonAsync("/api/membership/members", ValidMember($"分页党员{i}", grid))).EnsureSuccessStatusCode();
        }

        var first = await Client.GetFromJsonAsync<JsonElement>($"/api/membership/members?gridCode={grid}&limit=2");
        Assert.Equal(2, first.GetProperty("items").GetArrayLength());
        var cursor = first.GetProperty("nextCursor").GetString();
        Assert.NotNull(cursor);

        var second = await Client.GetFromJsonAsync<JsonElement>($"/api/membership/members?gridCode={grid}&limit=2&cursor={cursor}");
        Assert.Equal(1, second.GetProperty("items").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, second.GetProperty("nextCursor").ValueKind);
    }

    [Theory]
    [InlineData("name", "", "blank")]
    [InlineData("birthDate", "2999-01-01", "future")]
    [InlineData("education", "博士", "one of")]
    [InlineData("gender", "未知", "one of")]
    public async Task An_invalid_field_is_a_400_problem_naming_the_field_and_the_rule(string field, string value, string rule)
    {
        var member = JsonSerializer.SerializeToNode(ValidMember())!.AsObject();
        member[field] = value;
        var before = await CountMembersAsync();

        var response = await Client.PostAsJsonAsync("/api/membership/members", member);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var errors = problem.GetProperty("errors").GetProperty(field);
        Assert.Contains(rule, errors[0].GetString());
        Assert.Equal(before, await CountMembersAsync());
    }

    [Fact]
    public async Task Malformed_json_is_a_400_problem_not_a_500()
    {
        var response = await Client.PostAsync("/api/membership/members",
            new StringContent("{\"name\": \"张三\", ", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        Assert.True(problem.GetProperty("errors").TryGetProperty("body", out _));
    }

    [Fact]
    public async Task A_value_of_the_wrong_type_is_a_400_naming_the_field()
    {
        var response = await Client.PostAsync("/api/membership/members",
            new StringContent("{\"name\": \"张三\", \"birthDate\": \"yesterday\"}", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("birthDate", out _));
    }

    [Fact]
    public async Task The_openapi_document_describes_the_members_api()
    {
        var document = await fixture.Anonymous.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        Assert.True(document.GetProperty("paths").TryGetProperty("/api/membership/members", out _));
    }

    [Fact]
    public async Task Health_reports_the_database_and_the_broker()
    {
        var health = await fixture.Anonymous.GetFromJsonAsync<JsonElement>("/health");
        Assert.Equal("Healthy", health.GetProperty("status").GetString());
        var checks = health.GetProperty("checks").EnumerateObject().Select(c => c.Name).ToList();
        Assert.Contains("MembershipDbContext", checks);
        Assert.Contains(checks, c => c.Contains("masstransit", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task The_party_register_is_closed_without_a_token_and_to_roles_outside_the_office()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await fixture.Anonymous.GetAsync("/api/membership/members")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await fixture.Anonymous.PostAsJsonAsync("/api/membership/members", ValidMember())).StatusCode);

        var resident = fixture.App.CreateClientAs(CommunityRoles.Resident, "G02");
        Assert.Equal(HttpStatusCode.Forbidden, (await resident.GetAsync("/api/membership/members")).StatusCode);
        var gridWorker = fixture.App.CreateClientAs(CommunityRoles.GridWorker, "G02");
        var before = await CountMembersAsync();
        Assert.Equal(HttpStatusCode.Forbidden, (await gridWorker.PostAsJsonAsync("/api/membership/members", ValidMember())).StatusCode);
        Assert.Equal(before, await CountMembersAsync());

        var staff = fixture.App.CreateClientAs(CommunityRoles.Staff);
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync("/api/membership/members")).StatusCode);
    }

    [Fact]
    public async Task A_token_that_is_expired_foreign_or_for_another_audience_is_refused()
    {
        var now = DateTime.UtcNow;
        var foreignKey = new RsaSecurityKey(RSA.Create(2048));
        foreach (var token in new[]
        {
            TestTokens.Create(CommunityRoles.Secretary, [], now.AddMinutes(-5), TestTokens.Issuer, CommunityClaims.ApiResource, TestTokens.SigningKey),
            TestTokens.Create(CommunityRoles.Secretary, [], now.AddMinutes(10), TestTokens.Issuer, CommunityClaims.ApiResource, foreignKey),
            TestTokens.Create(CommunityRoles.Secretary, [], now.AddMinutes(10), TestTokens.Issuer, "another-api", TestTokens.SigningKey),
            TestTokens.Create(CommunityRoles.Secretary, [], now.AddMinutes(10), "http://elsewhere.test/", CommunityClaims.ApiResource, TestTokens.SigningKey),
            Tampered(TestTokens.For(CommunityRoles.Resident)),
        })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/membership/members");
            request.Headers.Authorization = new("Bearer", token);
            Assert.Equal(HttpStatusCode.Unauthorized, (await fixture.Anonymous.SendAsync(request)).StatusCode);
        }
    }

    /// <summary>The resident's token with its role rewritten to secretary, signature unchanged.</summary>
    private static string Tampered(string token)
    {
        var parts = token.Split('.');
        var payload = Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(parts[1])).Replace("\"resident\"", "\"secretary\"");
        return $"{parts[0]}.{Base64UrlEncoder.Encode(payload)}.{parts[2]}";
    }

    private Task<long> CountMembersAsync() => fixture.ScalarAsync<long>("SELECT count(*) FROM members");

    [Fact]
    public async Task Registering_again_with_the_same_idempotency_key_returns_the_first_member_instead_of_a_second()
    {
        var key = Guid.NewGuid().ToString();
        HttpRequestMessage Register() => new(HttpMethod.Post, "/api/membership/members")
        {
            Headers = { { "Idempotency-Key", key } },
            Content = JsonContent.Create(ValidMember("重试党员", "R" + key[..5])),
        };

        var first = await Client.SendAsync(Register());
        var retry = await Client.SendAsync(Register());

        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal(first.Headers.Location, retry.Headers.Location);
        Assert.Equal(1, await fixture.ScalarAsync<long>($"SELECT count(*) FROM members WHERE grid_code = 'R{key[..5]}'"));
        Assert.Equal(1, await fixture.ScalarAsync<long>($"SELECT count(*) FROM outbox_messages WHERE message_type LIKE '%MemberRegistered' AND payload->>'gridCode' = 'R{key[..5]}'"));
    }
}
