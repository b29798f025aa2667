using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommunityPlatform.ServiceKit.Domain;
using CommunityPlatform.ServiceKit.Security;
using CommunityPlatform.TestSupport;

namespace CommunityPlatform.Volunteer.FunctionalTests;

/// <summary>
/// Every volunteer figure of the half-year report links to the list of the records it counts: following each link
/// through its pages gives exactly the statistic's number (or sum) for the same period. The period is June 2018,
/// where no other test goes; activities run on the shifted clock, then move to its first instant and just after it.
/// </summary>
[Collection(VolunteerApiCollection.Name)]
public sealed class ReportLinksTests(VolunteerApiFixture fixture)
{
    private static readonly DateOnly From = new(2018, 6, 1);
    private static readonly DateOnly To = new(2018, 6, 30);
    private static readonly DateTimeOffset Start = CommunityTime.StartOf(From);
    private static readonly DateTimeOffset End = CommunityTime.StartOf(To.AddDays(1));

    private HttpClient Client => fixture.Client;

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd");

    [Fact]
    public async Task Each_volunteer_link_lists_exactly_the_records_its_figure_counts_or_sums()
    {
        var organiser = fixture.Later.As(CommunityRoles.Staff, "staff-report-links");
        var (first, second) = (await Client.RegisterVolunteerAsync(), await Client.RegisterVolunteerAsync());
        var (completed, completedRecords) = await SettledAsync(organiser, first, second);
        var (completedAfter, afterRecords) = await SettledAsync(organiser, first, second);
        var publishedOnly = await organiser.PublishedActivityAsync(DateTimeOffset.UtcNow, TimeSpan.FromHours(1));

        await organiser.PostOkAsync($"/api/volunteer/service-records/{completedRecords[first]}/approve", new { }, HttpStatusCode.OK);
        await organiser.PostOkAsync($"/api/volunteer/service-records/{completedRecords[second]}/adjust", new { hours = 0, reason = "未实际参与服务" }, HttpStatusCode.OK);
        await organiser.PostOkAsync($"/api/volunteer/service-records/{afterRecords[first]}/approve", new { }, HttpStatusCode.OK);
        await organiser.PostOkAsync($"/api/volunteer/service-records/{afterRecords[second]}/approve", new { }, HttpStatusCode.OK);

        // Started on the period's first instant; on the first instant after it; published, not completed, in it.
        await MoveActivityAsync(completed, Start);
        await MoveActivityAsync(completedAfter, End);
        await MoveActivityAsync(publishedOnly, Start.AddDays(1));
        // Served on the period's first and last days, and the day after it.
        await ServedOnAsync(completedRecords[first], From);
        await ServedOnAsync(completedRecords[second], From);
        await ServedOnAsync(afterRecords[first], To);
        await ServedOnAsync(afterRecords[second], To.AddDays(1));

        var statistics = await Client.GetFromJsonAsync<JsonElement>($"/api/volunteer/statistics?from={Iso(From)}&to={Iso(To)}");
        async Task<List<JsonElement>> Linked(string link, params string[] figure)
        {
            var items = await Client.FollowAsync(link);
            Assert.True(statistics.Figure(figure).GetInt32() == items.Count, $"{link}: {items.Count} listed, {string.Join('.', figure)} = {statistics.Figure(figure)}");
            return items;
        }

        await Linked("/api/volunteer/teams", "teams");
        Assert.Contains(first, (await Linked("/api/volunteer/volunteers?active=true", "volunteers", "total")).Select(v => v.GetProperty("id").GetGuid()));
        await Linked("/api/volunteer/volunteers?active=true&partyMember=true", "volunteers", "partyMembers");
        Assert.Equal([completed], (await Linked($"/api/volunteer/activities?status=Completed&from={Iso(From)}&to={Iso(To)}", "activities", "completed"))
            .Select(a => a.GetProperty("id").GetGuid()));

        var approved = await Client.FollowAsync($"/api/volunteer/service-records?status=Approved&servedFrom={Iso(From)}&servedTo={Iso(To)}");
        Assert.Equal(
            new[] { completedRecords[first], completedRecords[second], afterRecords[first] }.Order(),
            approved.Select(r => r.GetProperty("id").GetGuid()).Order());
        var hours = statistics.GetProperty("hours");
        Assert.Equal(hours.GetProperty("approved").GetDecimal(), approved.Sum(r => r.GetProperty("hours").GetDecimal()));
        Assert.Equal(
            hours.GetProperty("volunteersCredited").GetInt32(),
            approved.Where(r => r.GetProperty("hours").GetDecimal() > 0).Select(r => r.GetProperty("volunteerId").GetGuid()).Distinct().Count());
        Assert.Equal(1, hours.GetProperty("volunteersCredited").GetInt32());
    }

    [Fact]
    public async Task A_range_ending_before_it_starts_is_refused_naming_its_end()
    {
        Assert.Contains("before servedFrom", await (await Client.GetAsync($"/api/volunteer/service-records?servedFrom={Iso(To)}&servedTo={Iso(From)}")).AssertInvalidAsync("servedTo"));
        Assert.Contains("before from", await (await Client.GetAsync($"/api/volunteer/activities?from={Iso(To)}&to={Iso(From)}")).AssertInvalidAsync("to"));
        await (await Client.GetAsync("/api/volunteer/service-records?status=Paid")).AssertInvalidAsync("status");
    }

    /// <summary>
    /// An activity starting an hour from now that both volunteers sign up for and check in to, completed on the
    /// shifted clock; returns it with each volunteer's service-hour record.
    /// </summary>
    private async Task<(Guid Activity, Dictionary<Guid, Guid> Records)> SettledAsync(HttpClient organiser, params Guid[] volunteers)
    {
        fixture.Clock.Offset = TimeSpan.Zero;
        var start = DateTimeOffset.UtcNow.AddHours(1);
        var activity = await organiser.PublishedActivityAsync(start, TimeSpan.Zero);
        try
        {
            foreach (var volunteer in volunteers)
            {
                await organiser.PostOkAsync($"/api/volunteer/activities/{activity}/signups", new { volunteerId = volunteer });
            }

            fixture.Clock.Offset = start.AddMinutes(1) - DateTimeOffset.UtcNow;
            foreach (var volunteer in volunteers)
            {
                await organiser.PostOkAsync($"/api/volunteer/activities/{activity}/check-in", new { volunteerId = volunteer }, HttpStatusCode.OK);
            }

            fixture.Clock.Offset = start.AddHours(3) - DateTimeOffset.UtcNow;
            var completion = await organiser.PostOkAsync($"/api/volunteer/activities/{activity}/complete", new { }, HttpStatusCode.OK);
            return (activity, completion.GetProperty("records").EnumerateArray().ToDictionary(r => r.GetProperty("volunteerId").GetGuid(), r => r.GetProperty("id").GetGuid()));
        }
        finally
        {
            fixture.Clock.Offset = TimeSpan.Zero;
        }
    }

    private async Task MoveActivityAsync(Guid activity, DateTimeOffset startsAt) =>
        Assert.Equal(1, await fixture.ScalarAsync<int>(
            $"WITH moved AS (UPDATE activities SET starts_at = '{startsAt:O}', ends_at = '{startsAt.AddHours(2):O}' WHERE id = '{activity}' RETURNING 1) SELECT count(*)::int FROM moved"));

    private async Task ServedOnAsync(Guid record, DateOnly day) =>
        Assert.Equal(1, await fixture.ScalarAsync<int>(
            $"WITH moved AS (UPDATE service_records SET served_on = '{Iso(day)}' WHERE id = '{record}' RETURNING 1) SELECT count(*)::int FROM moved"));
}
