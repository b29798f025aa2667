using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommunityPlatform.TestSupport;
using Microsoft.Playwright;

namespace CommunityPlatform.EndToEndTests.Workbench;

/// <summary>
/// The workbench's home page: each role's dashboard shows figures the APIs give that role, and each figure opens the
/// records behind it. Expected counts are read from the APIs just before the page, so other tests' data in the
/// shared suite does not matter.
/// </summary>
[Collection(SuiteCollection.Name)]
public sealed class HomeWorkbenchTests(SuiteFixture suite, WorkbenchBrowser browser) : IClassFixture<WorkbenchBrowser>
{
    private static readonly string[] OpenStatuses = ["Reported", "Accepted", "Deliberating", "Assigned"];

    [Fact]
    public async Task The_secretary_sees_the_open_matters_the_api_counts_and_the_figure_opens_the_board()
    {
        var secretary = await suite.GatewayAsAsync("secretary");
        await suite.EnsureGridAsync("G01", "第一网格");
        var first = await ReportMatterAsync(secretary, "G01", "幸福里1栋楼道堆物");
        await ReportMatterAsync(secretary, "G01", "幸福里2栋路灯不亮");
        await secretary.PostOkAsync($"/api/grid/matters/{first}/accept", new { }, HttpStatusCode.OK);

        var expected = await CountOpenMattersAsync(secretary);
        Assert.True(expected >= 2, $"the API counts {expected} open matters");

        var page = await browser.SignInAsync(suite, "secretary", WorkbenchBrowser.Desktop);
        var errors = Collect(page);
        var figure = page.Locator("[data-stat='matters-open']");
        Assert.Equal(expected.ToString(), await ValueAsync(figure));
        Assert.Equal("/matters", await figure.GetAttributeAsync("href"));
        foreach (var testId in new[] { "matters-overdue", "hazards-open", "hazards-overdue", "volunteer-hours-month", "members-active" })
        {
            Assert.Equal(1, await page.Locator($"[data-stat='{testId}']").CountAsync());
        }

        Assert.Equal(0, await page.Locator(".refused").CountAsync());
        Assert.Empty(errors);
        await WorkbenchBrowser.ScreenshotAsync(page, "home-secretary-desktop");

        var phone = await browser.SignInAsync(suite, "secretary", WorkbenchBrowser.Phone);
        Assert.Equal(expected.ToString(), await ValueAsync(phone.Locator("[data-stat='matters-open']")));
        await WorkbenchBrowser.ScreenshotAsync(phone, "home-secretary-phone");
        await phone.Context.CloseAsync();

        await figure.ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/matters");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_grid_worker_sees_the_open_matters_of_their_grids_only()
    {
        var secretary = await suite.GatewayAsAsync("secretary");
        await suite.EnsureGridAsync("G01", "第一网格");
        await suite.EnsureGridAsync("G02", "第二网格");
        await suite.EnsureGridAsync("G03", "第三网格");
        await ReportMatterAsync(secretary, "G01", "幸福里5栋化粪池外溢");
        var accepted = await ReportMatterAsync(secretary, "G02", "幸福里7栋电动车楼道充电");
        await secretary.PostOkAsync($"/api/grid/matters/{accepted}/accept", new { }, HttpStatusCode.OK);
        var elsewhere = await ReportMatterAsync(secretary, "G03", "滨河路18号占道经营");

        // The grid worker's own view through the API, and the community's: the G03 matter is in the one, not the other.
        var gridWorker = await suite.GatewayAsAsync("gridworker");
        var theirs = await OpenMattersAsync(gridWorker);
        var community = await OpenMattersAsync(secretary);
        Assert.All(theirs, m => Assert.Contains(m.GetProperty("gridCode").GetString(), new[] { "G01", "G02" }));
        Assert.DoesNotContain(theirs, m => m.GetProperty("id").GetGuid() == elsewhere);
        Assert.Contains(community, m => m.GetProperty("id").GetGuid() == elsewhere);
        var expected = community.Count(m => m.GetProperty("gridCode").GetString() is "G01" or "G02");
        Assert.Equal(expected, theirs.Count);
        Assert.True(expected >= 2);

        var page = await browser.SignInAsync(suite, "gridworker", WorkbenchBrowser.Desktop);
        var errors = Collect(page);
        Assert.Equal(expected.ToString(), await ValueAsync(page.Locator(".home-grid [data-stat='matters-open']")));
        Assert.Equal(
            theirs.Count(m => m.GetProperty("status").GetString() == "Reported").ToString(),
            await ValueAsync(page.Locator("[data-stat='matters-status-Reported']")));
        foreach (var testId in new[] { "matters-overdue", "matters-resolved-month", "hazards-open", "visits-overdue" })
        {
            Assert.Equal(1, await page.Locator($"[data-stat='{testId}']").CountAsync());
        }

        Assert.Equal(0, await page.Locator(".refused").CountAsync());
        Assert.Empty(errors);
        await WorkbenchBrowser.ScreenshotAsync(page, "home-gridworker-desktop");
        await page.Context.CloseAsync();

        var phone = await browser.SignInAsync(suite, "gridworker", WorkbenchBrowser.Phone);
        await phone.Locator(".home-grid").WaitForAsync();
        await WorkbenchBrowser.ScreenshotAsync(phone, "home-gridworker-phone");
        await phone.Context.CloseAsync();
    }

    [Theory]
    [InlineData("inspector", "inspection-tasks-open")]
    [InlineData("resident", "my-matters-open")]
    public async Task The_home_page_renders_for_a_role_on_a_phone(string userName, string figure)
    {
        var page = await browser.SignInAsync(suite, userName, WorkbenchBrowser.Phone);
        var errors = Collect(page);
        await page.Locator($"[data-stat='{figure}']").WaitForAsync();
        await page.WaitForFunctionAsync("() => !document.querySelector('main[aria-busy]')");

        Assert.Equal(0, await page.Locator(".refused").CountAsync());
        Assert.NotEqual("—", await ValueAsync(page.Locator($"[data-stat='{figure}']")));
        Assert.Empty(errors);
        await WorkbenchBrowser.ScreenshotAsync(page, $"home-{userName}-phone");
        await page.Context.CloseAsync();
    }

    private static async Task<Guid> ReportMatterAsync(HttpClient client, string grid, string location) =>
        (await client.PostOkAsync("/api/grid/matters", new
        {
            gridCode = grid, category = "环境卫生", location, description = "首页测试：" + location, reporterKind = "网格员", reporterName = "张志强",
        })).GetProperty("id").GetGuid();

    /// <summary>Every matter the caller may see in a status before resolution, following the list's cursors.</summary>
    private static async Task<List<JsonElement>> OpenMattersAsync(HttpClient client)
    {
        var matters = new List<JsonElement>();
        foreach (var status in OpenStatuses)
        {
            string? cursor = null;
            do
            {
                var page = await client.GetFromJsonAsync<JsonElement>(
                    $"/api/grid/matters?status={status}&limit=200" + (cursor is null ? "" : $"&cursor={cursor}"));
                matters.AddRange(page.GetProperty("items").EnumerateArray());
                cursor = page.GetProperty("nextCursor").GetString();
            }
            while (cursor is not null);
        }

        return matters;
    }

    private static async Task<int> CountOpenMattersAsync(HttpClient client) => (await OpenMattersAsync(client)).Count;

    /// <summary>The number a figure shows, once the page has read it.</summary>
    private static async Task<string> ValueAsync(ILocator figure)
    {
        await figure.WaitForAsync();
        return (await figure.Locator(".value").TextContentAsync())!.Trim();
    }

    /// <summary>Script errors on the page from now on (a failed figure is shown as "—", never as an error).</summary>
    private static List<string> Collect(IPage page)
    {
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);
        return errors;
    }
}
