using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommunityPlatform.TestSupport;
using CommunityPlatform.ServiceDefaults;
using Npgsql;

namespace CommunityPlatform.EndToEndTests;

/// <summary>
/// A patrol from creation to approved hours through the gateway, the member's points in membership, and the credit
/// applied once when the broker delivers it a second time.
/// </summary>
[Collection(SuiteCollection.Name)]
public sealed class VolunteerFlowTests(SuiteFixture suite)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_member_on_a_patrol_gets_points_for_the_approved_hours_once_even_when_the_credit_is_delivered_twice()
    {
        await suite.CreateOrganisationAsync("VF-DZB", "志愿服务测试党支部", "Branch");
        await suite.EnsureGridAsync("VF1", "志愿服务测试网格");
        var member = (await suite.Gateway.PostOkAsync("/api/membership/members", new
        {
            name = "赵卫东", gender = "男", birthDate = "1979-05-20", education = "高中", organisationCode = "VF-DZB", gridCode = "VF1",
        })).GetProperty("id").GetGuid();

        // MemberRegistered → the volunteer service creates the member's volunteer profile.
        var volunteer = await Eventually.ReturnsAsync(async () =>
            (await suite.Gateway.GetFromJsonAsync<JsonElement>($"/api/volunteer/volunteers?memberId={member}")).GetProperty("items"),
            items => items.GetArrayLength() == 1, Patience, "the member's volunteer profile");
        var volunteerId = volunteer[0].GetProperty("id").GetGuid();

        var team = (await suite.Gateway.PostOkAsync("/api/volunteer/teams", new { name = $"平安义警队-{Guid.NewGuid():N}"[..12], focus = "Patrol" })).GetProperty("id").GetGuid();
        var startsAt = DateTimeOffset.UtcNow.AddSeconds(10);
        // The grid reaches the volunteer service through the broker; until it has, the grid is refused as unknown.
        var activity = (await SuiteFixture.PostUntilCreatedAsync(suite.Gateway, "/api/volunteer/activities", new
        {
            teamId = team, kind = "平安义警巡逻", title = "夜间平安巡逻", gridCode = "VF1", place = "滨河路沿线",
            startsAt, endsAt = startsAt.AddHours(2), capacity = 8,
        })).GetProperty("id").GetGuid();
        await suite.Gateway.PostOkAsync($"/api/volunteer/activities/{activity}/publish", new { }, HttpStatusCode.OK);
        await suite.Gateway.PostOkAsync($"/api/volunteer/activities/{activity}/signups", new { volunteerId });

        var wait = startsAt - DateTimeOffset.UtcNow + TimeSpan.FromSeconds(1);
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait);
        }

        // The organiser records the check-in from the paper sheet (at the start), then completes the patrol early.
        await suite.Gateway.PostOkAsync($"/api/volunteer/activities/{activity}/check-in", new { volunteerId, at = startsAt }, HttpStatusCode.OK);
        var completion = await suite.Gateway.PostOkAsync($"/api/volunteer/activities/{activity}/complete", new { }, HttpStatusCode.OK);
        var record = Assert.Single(completion.GetProperty("records").EnumerateArray().ToList());
        Assert.Equal(0m, record.GetProperty("computedHours").GetDecimal());
        var recordId = record.GetProperty("id").GetGuid();

        // Present seconds, not 60 % of two hours: the organiser approves two hours with the reason the sheet gives.
        var approved = await suite.Gateway.PostOkAsync($"/api/volunteer/service-records/{recordId}/adjust", new { hours = 2, reason = "纸质签到表核实全程在岗，系统签退晚录" }, HttpStatusCode.OK);
        Assert.Equal("Approved", approved.GetProperty("status").GetString());

        var ledger = await Eventually.ReturnsAsync(() => suite.Gateway.GetFromJsonAsync<JsonElement>($"/api/membership/members/{member}/points"),
            l => l.GetProperty("entries").GetArrayLength() > 0, Patience, "the points for the hours");
        Assert.Equal($"volunteer-hours:{recordId}", Assert.Single(ledger.GetProperty("entries").EnumerateArray().ToList()).GetProperty("source").GetString());
        Assert.Equal(2m, ledger.GetProperty("total").GetDecimal());

        // The relay forgets it sent the credit (as after a crash between the broker's confirm and its own commit)
        // and sends it again with the same message id; membership's inbox must skip it.
        await using var volunteerDb = new NpgsqlConnection(await suite.App.GetConnectionStringAsync(ResourceNames.VolunteerDb));
        await volunteerDb.OpenAsync();
        await using (var resend = new NpgsqlCommand(
            "UPDATE outbox_messages SET sent_at = NULL WHERE message_type LIKE '%VolunteerHoursCredited%' AND payload->>'serviceRecordId' = @record", volunteerDb))
        {
            resend.Parameters.AddWithValue("record", recordId.ToString());
            Assert.Equal(1, await resend.ExecuteNonQueryAsync());
        }

        await Eventually.ReturnsAsync(async () =>
        {
            await using var sent = new NpgsqlCommand(
                "SELECT count(*) FROM outbox_messages WHERE message_type LIKE '%VolunteerHoursCredited%' AND payload->>'serviceRecordId' = @record AND sent_at IS NULL", volunteerDb);
            sent.Parameters.AddWithValue("record", recordId.ToString());
            return (long)(await sent.ExecuteScalarAsync())!;
        }, unsent => unsent == 0, Patience, "the credit to be sent again");
        await Task.Delay(TimeSpan.FromSeconds(3));

        var after = await suite.Gateway.GetFromJsonAsync<JsonElement>($"/api/membership/members/{member}/points");
        Assert.Single(after.GetProperty("entries").EnumerateArray().ToList());
        Assert.Equal(2m, after.GetProperty("total").GetDecimal());
    }
}
