using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommunityPlatform.ServiceKit.Domain;
using CommunityPlatform.ServiceKit.Security;
using CommunityPlatform.TestSupport;
using static CommunityPlatform.Volunteer.FunctionalTests.VolunteerApi;

namespace CommunityPlatform.Volunteer.FunctionalTests;

[Collection(VolunteerApiCollection.Name)]
public sealed class StatisticsApiTests(VolunteerApiFixture fixture)
{
    [Fact]
    public async Task The_county_reads_teams_volunteers_activities_participation_hours_and_the_no_show_rate()
    {
        fixture.Clock.Offset = TimeSpan.Zero;
        var start = DateTimeOffset.UtcNow.AddHours(1);
        var organiser = fixture.Later.As(CommunityRoles.Staff, "staff-statistics");
        var activity = await organiser.PublishedActivityAsync(start, TimeSpan.Zero, kind: "Aid");
        var (came, absent) = (await fixture.Client.RegisterVolunteerAsync(), await fixture.Client.RegisterVolunteerAsync());
        await organiser.PostOkAsync($"/api/volunteer/activities/{activity}/signups", new { volunteerId = came });
        await organiser.PostOkAsync($"/api/volunteer/activities/{activity}/signups", new { volunteerId = absent });
        fixture.Clock.Offset = start.AddMinutes(1) - DateTimeOffset.UtcNow;
        await organiser.PostOkAsync($"/api/volunteer/activities/{activity}/check-in", new { volunteerId = came }, HttpStatusCode.OK);
        fixture.Clock.Offset = start.AddHours(3) - DateTimeOffset.UtcNow;
        var record = (await organiser.PostOkAsync($"/api/volunteer/activities/{activity}/complete", new { }, HttpStatusCode.OK)).GetProperty("records")[0].GetProperty("id").GetGuid();
        await organiser.PostOkAsync($"/api/volunteer/service-records/{record}/approve", new { }, HttpStatusCode.OK);
        fixture.Clock.Offset = TimeSpan.Zero;

        var day = CommunityTime.DateOf(start).ToString("yyyy-MM-dd");
        var county = fixture.App.CreateClientAs(CommunityRoles.County);
        var statistics = await county.GetFromJsonAsync<JsonElement>($"/api/volunteer/statistics?from={day}&to={day}");

        Assert.Equal(day, statistics.GetProperty("from").GetString());
        Assert.True(statistics.GetProperty("teams").GetInt32() >= 1);
        var volunteers = statistics.GetProperty("volunteers");
        Assert.True(volunteers.GetProperty("residents").GetInt32() >= 2);
        Assert.Equal(volunteers.GetProperty("total").GetInt32(), volunteers.GetProperty("partyMembers").GetInt32() + volunteers.GetProperty("residents").GetInt32()
            + await fixture.ScalarAsync<int>("SELECT count(*)::int FROM volunteers WHERE active AND member_id IS NOT NULL AND NOT is_party_member"));
        Assert.True(statistics.GetProperty("activities").GetProperty("byKind").GetProperty("Aid").GetInt32() >= 1);
        Assert.True(statistics.GetProperty("activities").GetProperty("completed").GetInt32() >= 1);
        var participation = statistics.GetProperty("participation");
        Assert.True(participation.GetProperty("participants").GetInt32() >= 1);
        Assert.True(participation.GetProperty("noShows").GetInt32() >= 1);
        Assert.InRange(participation.GetProperty("noShowRate").GetDecimal(), 0.001m, 0.999m);
        Assert.True(statistics.GetProperty("hours").GetProperty("approved").GetDecimal() >= 1.5m);

        Assert.Equal(HttpStatusCode.Forbidden, (await fixture.App.CreateClientAs(CommunityRoles.Resident, Grid).GetAsync("/api/volunteer/statistics")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await fixture.App.CreateClientAs(CommunityRoles.GridWorker, Grid).GetAsync("/api/volunteer/statistics")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await fixture.Client.GetAsync("/api/volunteer/statistics")).StatusCode);
        await (await county.GetAsync("/api/volunteer/statistics?from=2026-07-02&to=2026-07-01")).AssertInvalidAsync("to");
    }
}
