using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommunityPlatform.ServiceKit.Security;
using CommunityPlatform.TestSupport;

namespace CommunityPlatform.Reporting.FunctionalTests;

[Collection(ReportingApiCollection.Name)]
public sealed class HalfYearReportTests(ReportingApiFixture fixture)
{
    private const string FirstHalf2025 = "/api/reports/half-year?year=2025&half=1";

    [Fact]
    public async Task Every_figure_is_the_value_its_service_counted_with_the_link_to_its_records()
    {
        fixture.Services.Serve(FakeServices.Figures(1));
        var report = await fixture.As(CommunityRoles.Secretary).GetFromJsonAsync<JsonElement>(FirstHalf2025 + "&format=json");

        Assert.Equal("常青社区2025年上半年工作报告", report.GetProperty("title").GetString());
        Assert.Equal("2025-01-01", report.GetProperty("from").GetString());
        Assert.Equal("2025-06-30", report.GetProperty("to").GetString());
        var figures = report.GetProperty("figures").EnumerateArray().ToList();
        Assert.Equal(fixture.Services.Current.Count, figures.Count);
        foreach (var figure in figures)
        {
            var key = figure.GetProperty("key").GetString()!;
            Assert.True(fixture.Services.Current[key] == figure.GetProperty("value").GetDecimal(), $"{key}: {figure.GetProperty("value")}");
        }

        var disputes = figures.Single(f => f.GetProperty("key").GetString() == "grid.matters.byCategory.Dispute.resolved");
        Assert.Equal("/api/grid/matters?resolvedFrom=2025-01-01&resolvedTo=2025-06-30&category=Dispute", disputes.GetProperty("link").GetString());
        var committee = figures.Single(f => f.GetProperty("key").GetString() == "membership.committees.DZZ.members");
        Assert.Equal("/api/membership/organisations/DZZ/committee?on=2025-06-30", committee.GetProperty("link").GetString());
        var care = figures.Single(f => f.GetProperty("key").GetString() == "grid.careList.byCategory.MentalIllness");
        Assert.Equal(JsonValueKind.Null, care.GetProperty("link").ValueKind);

        var text = string.Join("", report.GetProperty("sections").EnumerateArray()
            .SelectMany(s => s.GetProperty("paragraphs").EnumerateArray()).Select(p => p.GetProperty("text").GetString()));
        Assert.DoesNotContain("{", text);
        Assert.Contains($"化解{fixture.Services.Current["grid.matters.byCategory.Dispute.resolved"]:0}起", text);
    }

    [Fact]
    public async Task The_services_are_asked_for_the_half_year_with_the_readers_own_token()
    {
        var client = fixture.As(CommunityRoles.Staff);
        fixture.Services.Requests.Clear();

        (await client.GetAsync(FirstHalf2025)).EnsureSuccessStatusCode();

        var asked = fixture.Services.Requests.ToList();
        foreach (var service in new[] { "membership", "grid", "safety", "volunteer" })
        {
            Assert.Contains(asked, r => r.Uri.AbsolutePath == $"/api/{service}/statistics" && r.Uri.Query == "?from=2025-01-01&to=2025-06-30");
        }

        Assert.All(asked, r => Assert.Equal(client.DefaultRequestHeaders.Authorization!.ToString(), r.Authorization));
    }

    [Fact]
    public async Task The_html_report_is_a_printable_page_whose_figures_are_links()
    {
        fixture.Services.Serve(FakeServices.Figures(1));
        var response = await fixture.As(CommunityRoles.Secretary).GetAsync(FirstHalf2025 + "&format=html");

        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        Assert.StartsWith("<!DOCTYPE html>", html);
        Assert.Contains("<h1>常青社区2025年上半年工作报告</h1>", html);
        Assert.Contains("@media print", html);
        foreach (var section in new[] { "基本情况", "一、组织建设", "二、社区治理", "三、品牌创建", "四、安全生产", "五、志愿服务" })
        {
            Assert.Contains($"<h2>{section}</h2>", html);
        }

        var disputes = fixture.Services.Current["grid.matters.byCategory.Dispute.resolved"];
        Assert.Contains($"href=\"/api/grid/matters?resolvedFrom=2025-01-01&amp;resolvedTo=2025-06-30&amp;category=Dispute\" title=\"化解矛盾纠纷\">{disputes:0}</a>", html);
        Assert.Contains("仅统计人数，名单不公开", html);
        Assert.DoesNotContain("{", html[html.IndexOf("<body>", StringComparison.Ordinal)..]);
    }

    [Fact]
    public async Task A_browser_gets_html_and_markdown_links_each_figure()
    {
        var client = fixture.As(CommunityRoles.Secretary);
        using var browser = new HttpRequestMessage(HttpMethod.Get, FirstHalf2025);
        browser.Headers.Accept.ParseAdd("text/html,application/xhtml+xml;q=0.9");
        Assert.Equal("text/html", (await client.SendAsync(browser)).Content.Headers.ContentType!.MediaType);

        fixture.Services.Serve(FakeServices.Figures(1));
        var markdown = await client.GetStringAsync(FirstHalf2025 + "&format=markdown");
        Assert.StartsWith("# 常青社区2025年上半年工作报告", markdown);
        var held = fixture.Services.Current["membership.meetings.byKind.StudySession.held"];
        Assert.Contains($"[{held:0}](/api/membership/meetings?status=Held&heldFrom=2025-01-01&heldTo=2025-06-30&kind=StudySession)", markdown);
        Assert.Contains("| 隐患整改率 |", markdown);
    }

    [Theory]
    [InlineData("?year=1999&half=1", "year")]
    [InlineData("?year=2025&half=3", "half")]
    [InlineData("?year=2100&half=1", "half")]
    [InlineData("?year=2025&half=1&format=pdf", "format")]
    [InlineData("?year=twenty&half=1", "year")]
    public async Task Bad_input_is_a_400_naming_the_field(string query, string field)
    {
        var response = await fixture.As(CommunityRoles.Secretary).GetAsync("/api/reports/half-year" + query);
        await response.AssertInvalidAsync(field);
    }

    [Theory]
    [InlineData(CommunityRoles.Member)]
    [InlineData(CommunityRoles.Resident)]
    [InlineData(CommunityRoles.GridWorker)]
    public async Task Roles_that_may_not_read_reports_are_refused(string role) =>
        Assert.Equal(HttpStatusCode.Forbidden, (await fixture.As(role).GetAsync(FirstHalf2025)).StatusCode);

    [Fact]
    public async Task A_reader_without_a_token_is_refused() =>
        Assert.Equal(HttpStatusCode.Unauthorized, (await fixture.Reporting.CreateClient().GetAsync(FirstHalf2025)).StatusCode);

    [Fact]
    public async Task A_service_that_fails_makes_the_report_unavailable_rather_than_incomplete()
    {
        fixture.Services.Failing["safety"] = HttpStatusCode.InternalServerError;
        try
        {
            var response = await fixture.As(CommunityRoles.Secretary).GetAsync(FirstHalf2025);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal("safety", problem.GetProperty("service").GetString());
        }
        finally
        {
            fixture.Services.Failing.Clear();
        }
    }

    [Fact]
    public async Task The_county_gets_every_service_statistics_in_one_document()
    {
        fixture.Services.Serve(FakeServices.Figures(2));
        var statistics = await fixture.As(CommunityRoles.County).GetFromJsonAsync<JsonElement>("/api/reports/statistics?from=2025-01-01&to=2025-06-30");

        Assert.Equal("2025-01-01", statistics.GetProperty("from").GetString());
        Assert.Equal(fixture.Services.Current["membership.members.total"], statistics.GetProperty("membership").GetProperty("members").GetProperty("total").GetDecimal());
        Assert.Equal(fixture.Services.Current["volunteer.hours.approved"], statistics.GetProperty("volunteer").GetProperty("hours").GetProperty("approved").GetDecimal());
        Assert.Equal(fixture.Services.Current["safety.inspections"], statistics.GetProperty("safety").GetProperty("inspections").GetDecimal());
    }
}
