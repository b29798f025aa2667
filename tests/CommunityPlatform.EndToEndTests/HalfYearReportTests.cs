using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CommunityPlatform.ServiceDefaults;
using CommunityPlatform.TestSupport;
using Xunit.Abstractions;

namespace CommunityPlatform.EndToEndTests;

/// <summary>
/// The half-year report of the demo community, through the gateway: every figure equals the generator's ground
/// truth and the records its link lists; a frozen copy reads byte for byte the same after the data changes.
/// </summary>
[Collection(DemoCommunityCollection.Name)]
public sealed class HalfYearReportTests(DemoCommunityFixture demo, ITestOutputHelper output)
{
    [Fact]
    public async Task Every_figure_equals_the_ground_truth_and_the_records_its_link_lists()
    {
        var secretary = await SecretaryAsync();
        var period = demo.Generator.Period;
        var report = await Eventually.ReturnsAsync(
            () => secretary.GetFromJsonAsync<JsonElement>($"/api/reports/half-year?year={period.Year}&half={period.Half}&format=json"),
            r => Mismatches(r).Count == 0, TimeSpan.FromSeconds(90), "the report to settle on the ground truth");

        var figures = report.GetProperty("figures").EnumerateArray().ToList();
        Assert.Equal(period.From8601, report.GetProperty("from").GetString());
        var text = string.Concat(report.GetProperty("sections").EnumerateArray()
            .SelectMany(s => s.GetProperty("paragraphs").EnumerateArray()).Select(p => p.GetProperty("text").GetString()));
        Assert.DoesNotContain("{", text);
        foreach (var figure in figures)
        {
            var key = figure.GetProperty("key").GetString()!;
            var value = figure.GetProperty("value").GetDecimal();
            if (figure.GetProperty("link").GetString() is not { } link)
            {
                Assert.StartsWith("grid.careList.", key);
                continue;
            }

            var records = await secretary.FollowAsync(link);
            var measured = Measure(figure.GetProperty("measure").GetString()!, records);
            output.WriteLine($"{key} = {value}: {records.Count} records at {link}");
            Assert.True(measured == value, $"{key} is {value} but {link} gives {measured}");
        }
    }

    [Fact]
    public async Task A_frozen_copy_stays_byte_identical_after_the_data_changes()
    {
        var secretary = await SecretaryAsync();
        // The first half of the demo's year holds none of its activity: a meeting recorded there changes that
        // half's report and nothing the other tests of this community count.
        var year = demo.Generator.Period.Year;
        var half = demo.Generator.Period.Half == 2 ? 1 : 2;
        var frozen = await secretary.PostOkAsync("/api/reports/half-year/snapshots", new { year, half });
        var html = frozen.GetProperty("links").GetProperty("html").GetString()!;
        var markdown = frozen.GetProperty("links").GetProperty("markdown").GetString()!;
        var copy = await secretary.GetByteArrayAsync(html);
        var copyMarkdown = await secretary.GetByteArrayAsync(markdown);
        var heldBefore = await HeldAsync(secretary, year, half);

        var member = (await secretary.GetFromJsonAsync<JsonElement>("/api/membership/members?status=Active&limit=1")).GetProperty("items")[0];
        var organisation = member.GetProperty("organisationCode").GetString();
        var day = new DateOnly(year, half == 1 ? 5 : 11, 20);
        var starts = new DateTimeOffset(day.ToDateTime(new TimeOnly(9, 0)), TimeSpan.FromHours(8));
        var meeting = await secretary.PostOkAsync("/api/membership/meetings",
            new { organisationCode = organisation, kind = "StudySession", title = "补录：专题学习", startsAt = starts, endsAt = starts.AddHours(2) });
        await secretary.PostOkAsync($"/api/membership/meetings/{meeting.GetProperty("id").GetString()}/record",
            new { topic = "学习贯彻党的二十大精神", attendance = new[] { new { memberId = member.GetProperty("id").GetString(), status = "Absent", reason = "外出务工" } }, heldOn = day },
            HttpStatusCode.OK);
        Assert.Equal(heldBefore + 1, await HeldAsync(secretary, year, half));

        Assert.Equal(copy, await secretary.GetByteArrayAsync(html));
        Assert.Equal(copyMarkdown, await secretary.GetByteArrayAsync(markdown));
        Assert.Contains("定稿第1版", System.Text.Encoding.UTF8.GetString(copy));
    }

    private static async Task<decimal> HeldAsync(HttpClient client, int year, int half)
    {
        var report = await client.GetFromJsonAsync<JsonElement>($"/api/reports/half-year?year={year}&half={half}&format=json");
        return report.GetProperty("figures").EnumerateArray().Single(f => f.GetProperty("key").GetString() == "membership.meetings.held").GetProperty("value").GetDecimal();
    }

    /// <summary>The report's figures whose value differs from the ground truth (or that the truth does not know).</summary>
    private List<string> Mismatches(JsonElement report) => report.GetProperty("figures").EnumerateArray()
        .Select(f => (Key: f.GetProperty("key").GetString()!, Value: f.GetProperty("value")))
        .Where(f => !demo.Truth.TryGetValue(f.Key, out var truth) || f.Value.ValueKind != JsonValueKind.Number || f.Value.GetDecimal() != truth)
        .Select(f => $"{f.Key}: report {f.Value}, truth {(demo.Truth.TryGetValue(f.Key, out var t) ? t.ToString(CultureInfo.InvariantCulture) : "none")}")
        .ToList();

    /// <summary>How a figure follows from its records, as the report's <c>measure</c> says.</summary>
    private static decimal Measure(string measure, List<JsonElement> records)
    {
        switch (measure.Split(':'))
        {
            case ["count"]:
                return records.Count;
            case ["sum", var summed]:
                return records.Sum(r => r.GetProperty(summed).GetDecimal());
            case ["distinct", var counted, "hours>0"]:
                return records.Where(r => r.GetProperty("hours").GetDecimal() > 0).Select(r => r.GetProperty(counted).GetString()).Distinct().Count();
            case ["share", var condition]:
                var (field, wanted) = (condition.Split('=')[0], condition.Split('=')[1].Split(','));
                var entries = field == "attendance"
                    ? records.SelectMany(r => r.GetProperty("attendance").EnumerateArray()).Select(a => a.GetProperty("status").GetString()).ToList()
                    : records.Select(r => r.GetProperty(field).GetString()).ToList();
                return Math.Round((decimal)entries.Count(wanted.Contains) / entries.Count, 4);
            default:
                throw new InvalidOperationException($"unknown measure {measure}");
        }
    }

    private async Task<HttpClient> SecretaryAsync()
    {
        var token = await demo.Gateway.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "password", ["client_id"] = "community-cli", ["username"] = "secretary",
            ["password"] = "Community@2026", ["scope"] = "community-api roles",
        }));
        token.EnsureSuccessStatusCode();
        var client = demo.App.CreateHttpClient(ResourceNames.Gateway, "http");
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            (await token.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString());
        return client;
    }
}
