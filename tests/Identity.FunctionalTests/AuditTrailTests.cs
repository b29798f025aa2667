using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;

namespace CommunityPlatform.Identity.FunctionalTests;

[Collection(IdentityApiCollection.Name)]
public sealed class AuditTrailTests(IdentityApiFixture fixture)
{
    private async Task<HttpResponseMessage> ReadAuditAsync(string? userName, string query)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/identity/audit" + query);
        if (userName is not null)
        {
            var token = (await Tokens.JsonAsync(await Tokens.PasswordAsync(fixture.Anonymous, userName, Tokens.DemoPassword))).GetProperty("access_token").GetString();
            request.Headers.Authorization = new("Bearer", token);
        }

        return await fixture.Anonymous.SendAsync(request);
    }

    [Fact]
    public async Task Failed_and_successful_sign_ins_are_in_the_trail_the_secretary_reads()
    {
        var stranger = "stranger-" + Guid.NewGuid().ToString("N")[..6];
        await Tokens.PasswordAsync(fixture.Anonymous, stranger, "guess");
        await Tokens.PasswordAsync(fixture.Anonymous, "member", Tokens.DemoPassword);

        var failed = await (await ReadAuditAsync("secretary", "?action=sign_in_failed&limit=200")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(failed.GetProperty("items").EnumerateArray(), e => e.GetProperty("actor").GetString() == stranger);

        var signIns = await (await ReadAuditAsync("secretary", "?action=sign_in&limit=200")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(signIns.GetProperty("items").EnumerateArray(), e => e.GetProperty("detail").GetString()!.Contains("community-cli", StringComparison.Ordinal));
        Assert.DoesNotContain(Tokens.DemoPassword, signIns.GetRawText());
    }

    [Fact]
    public async Task A_lockout_is_recorded()
    {
        for (var i = 0; i < 6; i++)
        {
            await Tokens.PasswordAsync(fixture.Anonymous, "gridworker2", "wrong-" + i);
        }

        var locked = await (await ReadAuditAsync("secretary", "?action=sign_in_locked_out")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.NotEqual(0, locked.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Only_the_secretary_reads_the_trail()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await ReadAuditAsync(null, "")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await ReadAuditAsync("staff", "")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ReadAuditAsync("secretary", "")).StatusCode);
    }

    [Theory]
    [InlineData("UPDATE audit_entries SET actor = 'someone else' RETURNING 1")]
    [InlineData("DELETE FROM audit_entries RETURNING 1")]
    [InlineData("TRUNCATE audit_entries")]
    public async Task The_database_refuses_to_change_or_remove_a_row(string sql)
    {
        await Tokens.PasswordAsync(fixture.Anonymous, "nobody-" + Guid.NewGuid().ToString("N")[..4], "x");

        var refused = await Assert.ThrowsAsync<PostgresException>(() => fixture.ScalarAsync<object>(sql));
        Assert.Contains("append-only", refused.MessageText);
    }
}
