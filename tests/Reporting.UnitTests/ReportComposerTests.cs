using System.Text.Json;
using CommunityPlatform.Reporting.Domain;
using CommunityPlatform.Reporting.Rendering;
using CommunityPlatform.ServiceKit.Domain;

namespace CommunityPlatform.Reporting.UnitTests;

public sealed class ReportComposerTests
{
    private static readonly ReportingPeriod FirstHalf = new(new DateOnly(2025, 1, 1), new DateOnly(2025, 6, 30));

    private static IReadOnlyDictionary<string, JsonElement> Statistics(string membership = "{}", string grid = "{}", string safety = "{}", string volunteer = "{}") =>
        new Dictionary<string, JsonElement>
        {
            ["membership"] = JsonDocument.Parse(membership).RootElement,
            ["grid"] = JsonDocument.Parse(grid).RootElement,
            ["safety"] = JsonDocument.Parse(safety).RootElement,
            ["volunteer"] = JsonDocument.Parse(volunteer).RootElement,
        };

    [Fact]
    public void Every_figure_in_the_text_is_defined_and_every_defined_figure_is_in_the_text()
    {
        var defined = ReportTemplate.Figures.Select(f => f.Key.Replace("{generalBranch}", "GB")).ToHashSet();
        var written = ReportTemplate.Sections.SelectMany(s => s.Paragraphs)
            .SelectMany(p => ReportComposer.PlaceholdersIn(p.Replace("{generalBranch}", "GB")).Select(x => x.Key))
            .Where(key => key != "community").ToHashSet();

        Assert.Equal(defined.Order(), written.Order());
        Assert.Equal(defined.Count, ReportTemplate.Figures.Count);
    }

    [Fact]
    public void Every_link_but_the_care_lists_names_a_list_of_the_owning_service_and_how_the_figure_follows_from_it()
    {
        foreach (var figure in ReportTemplate.Figures)
        {
            if (figure.Key.StartsWith("grid.careList.", StringComparison.Ordinal))
            {
                Assert.Null(figure.Link);
                continue;
            }

            Assert.StartsWith($"/api/{figure.Key.Split('.')[0]}/", figure.Link);
            Assert.NotNull(figure.Measure);
        }
    }

    [Fact]
    public void Values_are_read_by_path_through_objects_dictionaries_and_lists_keyed_by_code()
    {
        var statistics = Statistics(
            membership: """{"members":{"total":76,"byAgeCohort":{"Under35":41}},"committees":[{"organisationCode":"B1","members":3},{"organisationCode":"GB","members":5}]}""",
            safety: """{"hazards":{"rectificationRate":null}}""");

        Assert.Equal(76, ReportComposer.ValueAt(statistics, "membership.members.total"));
        Assert.Equal(41, ReportComposer.ValueAt(statistics, "membership.members.byAgeCohort.Under35"));
        Assert.Equal(5, ReportComposer.ValueAt(statistics, "membership.committees.GB.members"));
        Assert.Equal(0, ReportComposer.ValueAt(statistics, "membership.committees.NONE.members"));
        Assert.Equal(0, ReportComposer.ValueAt(statistics, "membership.members.byAgeCohort.Over60"));
        Assert.Null(ReportComposer.ValueAt(statistics, "safety.hazards.rectificationRate"));
        Assert.Null(ReportComposer.ValueAt(statistics, "reporting.anything"));
    }

    [Fact]
    public void Figures_are_written_as_counts_hours_and_percentages_and_a_missing_rate_as_a_dash()
    {
        var report = ReportComposer.Compose("常青社区", new HalfYear(2025, 1), FirstHalf, "GB", Statistics(
            membership: """{"meetings":{"held":12,"attendanceRate":0.875}}""",
            safety: """{"hazards":{"found":0,"rectificationRate":null}}""",
            volunteer: """{"hours":{"approved":132.5}}"""), DateTimeOffset.UnixEpoch);

        Assert.Equal("12", report.Figure("membership.meetings.held")!.Display);
        Assert.Equal("87.5%", report.Figure("membership.meetings.attendanceRate")!.Display);
        Assert.Equal("132.5", report.Figure("volunteer.hours.approved")!.Display);
        Assert.Equal("—", report.Figure("safety.hazards.rectificationRate")!.Display);
        Assert.Contains("党员参会率87.5%", report.Sections[1].Paragraphs[0].Text);
    }

    [Fact]
    public void Links_carry_the_period_and_the_general_branch_and_without_a_general_branch_its_committee_has_no_figure()
    {
        var report = ReportComposer.Compose("常青社区", new HalfYear(2025, 1), FirstHalf, "GB", Statistics(), DateTimeOffset.UnixEpoch);
        Assert.Equal("/api/membership/organisations/GB/committee?on=2025-06-30", report.Figure("membership.committees.GB.members")!.Link);
        Assert.Equal("/api/safety/hazards?foundFrom=2025-01-01&foundTo=2025-06-30&severity=Major", report.Figure("safety.hazardsBySeverity.Major.found")!.Link);

        var hyphenated = ReportComposer.Compose("常青社区", new HalfYear(2025, 1), FirstHalf, "CQ-DZB", Statistics(
            membership: """{"committees":[{"organisationCode":"CQ-DZB","members":5}]}"""), DateTimeOffset.UnixEpoch);
        Assert.Contains("党总支支委委员5人", hyphenated.Sections[0].Paragraphs[1].Text);
        Assert.DoesNotContain("{", string.Concat(hyphenated.Sections.SelectMany(s => s.Paragraphs).Select(p => p.Text)));

        var withoutBranch = ReportComposer.Compose("常青社区", new HalfYear(2025, 1), FirstHalf, null, Statistics(), DateTimeOffset.UnixEpoch);
        var committee = withoutBranch.Figures.Single(f => f.Key.StartsWith("membership.committees.", StringComparison.Ordinal));
        Assert.Null(committee.Value);
        Assert.Null(committee.Link);
        Assert.Contains("支委委员—人", withoutBranch.Sections[0].Paragraphs[1].Text);
    }

    [Fact]
    public void Html_escapes_text_and_markdown_escapes_its_own_markup()
    {
        var report = ReportComposer.Compose("<b>星*光_社区</b>", new HalfYear(2025, 1), FirstHalf, "GB", Statistics(grid: """{"community":{"grids":4}}"""), DateTimeOffset.UnixEpoch);

        var html = ReportDocuments.Html(report, null);
        Assert.DoesNotContain("<b>星", html);
        Assert.Contains("&lt;b&gt;星*光_社区&lt;/b&gt;共划分网格<a class=\"figure\" href=\"/api/grid/grids\" title=\"网格\">4</a>个", html);

        var markdown = ReportDocuments.Markdown(report, null);
        Assert.Contains("<b>星\\*光\\_社区</b>共划分网格[4](/api/grid/grids)个", markdown);
    }

    [Fact]
    public void A_frozen_copy_says_which_version_and_who_froze_it_in_the_communitys_time()
    {
        var report = ReportComposer.Compose("常青社区", new HalfYear(2025, 1), FirstHalf, "GB", Statistics(), new DateTimeOffset(2025, 7, 1, 1, 0, 0, TimeSpan.Zero));
        var stamp = new FrozenStamp(3, new DateTimeOffset(2025, 7, 2, 16, 30, 0, TimeSpan.Zero), "刘建华");

        Assert.Contains("定稿第3版，2025年7月3日 00:30由刘建华冻结；数据截至2025年7月1日 09:00", ReportDocuments.Html(report, stamp));
        Assert.Contains("实时数据，生成于2025年7月1日 09:00", ReportDocuments.Markdown(report, null));
    }
}
