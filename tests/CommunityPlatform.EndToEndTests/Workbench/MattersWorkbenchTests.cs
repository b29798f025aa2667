using System.Text.Json;
using System.Text.RegularExpressions;
using CommunityPlatform.TestSupport;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CommunityPlatform.EndToEndTests.Workbench;

/// <summary>
/// The 三事 loop in the workbench: a grid worker reports a matter on a phone, finds it on the board, and moves it
/// through sign-for, assignment and resolution while their dashboard counts it open, then resolved; a step
/// overtaken by a colleague answers with the API's 409; the care list opens only with a reason and takes a visit,
/// and a resident is refused it.
/// </summary>
[Collection(SuiteCollection.Name)]
public sealed class MattersWorkbenchTests(SuiteFixture suite, WorkbenchBrowser browser) : IClassFixture<WorkbenchBrowser>
{
    static MattersWorkbenchTests() => SetDefaultExpectTimeout(30_000);

    [Fact]
    public async Task A_grid_worker_reports_a_matter_on_a_phone_moves_it_to_resolved_and_sees_the_dashboard_count_change()
    {
        await suite.EnsureGridAsync("G01", "第一网格");
        var page = await browser.SignInAsync(suite, "gridworker", WorkbenchBrowser.Phone);
        var description = $"北门垃圾堆放三天无人清运 {Guid.NewGuid():N}"[..24];
        var openBefore = await StatAsync(page, "matters-open");
        var resolvedBefore = await StatAsync(page, "matters-resolved-month");

        await page.GotoAsync("/matters/new");
        var submit = page.GetByRole(AriaRole.Button, new() { Name = "上报", Exact = true });
        await submit.ClickAsync();
        // The rule the API states (RequireText), shown by the field it names, before anything is sent.
        await Expect(page.Locator("[data-field=description] .field-error")).ToHaveTextAsync("必填，不能为空");
        await Expect(page.Locator("[data-field=location] .field-error")).ToHaveTextAsync("必填，不能为空");
        await Expect(page.Locator("[data-field=reporterName] .field-error")).ToBeEmptyAsync();

        await page.GetByLabel("网格").SelectOptionAsync("G01");
        await page.GetByLabel("类别").SelectOptionAsync(new SelectOptionValue { Label = "环境卫生" });
        await page.GetByLabel("事项内容").FillAsync(description);
        await Expect(page.Locator("[data-field=description] .field-error")).ToBeEmptyAsync();
        await page.GetByLabel("地点（楼栋、单元）").FillAsync("北门垃圾房");
        await page.GetByLabel("照片编号").FillAsync("photos/north-gate-1.jpg\nphotos/north-gate-2.jpg");
        await submit.ClickAsync();

        await page.WaitForURLAsync(new Regex("/matters/[0-9a-f-]{36}$"));
        var id = page.Url[^36..];
        var status = page.Locator("[data-matter-status]");
        await Expect(status).ToHaveTextAsync("待签收");
        await Expect(page.Locator("[data-fact=location]")).ToHaveTextAsync("北门垃圾房");
        await Expect(page.GetByText("photos/north-gate-2.jpg")).ToBeVisibleAsync();

        // The grid worker's dashboard counts it at once.
        await page.GotoAsync("/");
        Assert.Equal(openBefore + 1, await StatAsync(page, "matters-open"));

        await page.GotoAsync("/matters");
        var reportedTile = page.Locator($"[data-status=Reported] [data-matter-id='{id}']");
        await Expect(reportedTile).ToContainTextAsync(description);
        await Expect(reportedTile).ToContainTextAsync("环境卫生");
        await reportedTile.ClickAsync();

        await page.Locator("[data-action=accept]").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "确认签收" }).ClickAsync();
        await Expect(status).ToHaveTextAsync("已签收");
        // The steps offered are the ones the new status allows.
        await Expect(page.Locator("[data-action=accept]")).ToHaveCountAsync(0);

        await page.Locator("[data-action=assign]").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "确认交办" }).ClickAsync();
        await Expect(page.Locator("[data-field=handler] .field-error")).ToHaveTextAsync("必填，不能为空");
        await page.GetByLabel("承办单位或人员").FillAsync("物业服务中心");
        await page.GetByLabel("办结期限").FillAsync(DateTime.Now.AddDays(5).ToString("yyyy-MM-dd"));
        await page.GetByRole(AriaRole.Button, new() { Name = "确认交办" }).ClickAsync();
        await Expect(status).ToHaveTextAsync("办理中");
        await Expect(page.Locator("[data-fact=handler]")).ToHaveTextAsync("物业服务中心");

        await page.Locator("[data-action=resolve]").ClickAsync();
        await page.GetByLabel("办理结果").FillAsync("已联系环卫所清运完毕");
        await page.GetByRole(AriaRole.Button, new() { Name = "确认办结" }).ClickAsync();
        await Expect(status).ToHaveTextAsync("已办结");
        await Expect(page.Locator(".timeline")).ToContainTextAsync("办结：已联系环卫所清运完毕");
        await WorkbenchBrowser.ScreenshotAsync(page, "matter-detail-phone");

        await page.GotoAsync("/matters");
        await Expect(page.Locator($"[data-status=Resolved] [data-matter-id='{id}']")).ToBeVisibleAsync();
        await Expect(page.Locator($"[data-status=Reported] [data-matter-id='{id}']")).ToHaveCountAsync(0);
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= innerWidth"), "the board page scrolls sideways on a phone");
        await WorkbenchBrowser.ScreenshotAsync(page, "matters-board-phone");

        // Resolved: no longer open on the dashboard, and counted among this month's resolved.
        await page.GotoAsync("/");
        Assert.Equal(openBefore, await StatAsync(page, "matters-open"));
        Assert.Equal(resolvedBefore + 1, await StatAsync(page, "matters-resolved-month"));
        await WorkbenchBrowser.ScreenshotAsync(page, "home-gridworker-phone");
    }

    /// <summary>A figure on the home dashboard, once the dashboard has read it.</summary>
    private static async Task<int> StatAsync(IPage page, string stat)
    {
        var value = page.Locator($"[data-stat={stat}] .value");
        await Expect(value).ToHaveTextAsync(new Regex(@"^\d+$"));
        return int.Parse(await value.TextContentAsync() ?? "", System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task A_step_a_colleague_took_first_shows_the_APIs_conflict_and_the_page_then_offers_only_what_the_status_allows()
    {
        await suite.EnsureGridAsync("G01", "第一网格");
        var colleague = await suite.GatewayAsAsync("gridworker");
        var matter = await colleague.PostOkAsync("/api/grid/matters", new
        {
            gridCode = "G01", category = "Dispute", location = "7栋2单元", description = "楼上装修噪音扰民，协商未果", reporterKind = "Resident", reporterName = "周阿姨",
        });
        var id = matter.GetProperty("id").GetGuid();

        var page = await browser.SignInAsync(suite, "gridworker", WorkbenchBrowser.Desktop);
        await page.GotoAsync($"/matters/{id}");
        await Expect(page.Locator("[data-matter-status]")).ToHaveTextAsync("待签收");

        // Meanwhile a colleague signs for it: the page still offers 签收.
        await colleague.PostOkAsync($"/api/grid/matters/{id}/accept", new { }, System.Net.HttpStatusCode.OK);
        await page.Locator("[data-action=accept]").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "确认签收" }).ClickAsync();
        var error = page.Locator("[data-action-form=accept] .form-error");
        await Expect(error).ToContainTextAsync("事项现为「已签收」");
        await Expect(error).ToContainTextAsync("Cannot accept a matter that is Accepted");

        await page.ReloadAsync();
        await Expect(page.Locator("[data-matter-status]")).ToHaveTextAsync("已签收");
        await Expect(page.Locator("[data-action=accept]")).ToHaveCountAsync(0);
        await Expect(page.Locator("[data-action=return]")).ToHaveCountAsync(0);
        await Expect(page.Locator("[data-action=resolve]")).ToHaveCountAsync(0);
        await Expect(page.Locator("[data-action=assign]")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-action=deliberate]")).ToBeVisibleAsync();

        await page.GotoAsync("/matters");
        await Expect(page.Locator($"[data-status=Accepted] [data-matter-id='{id}']")).ToBeVisibleAsync();
        await WorkbenchBrowser.ScreenshotAsync(page, "matters-board-desktop");
    }

    [Fact]
    public async Task The_care_list_opens_with_a_reason_takes_a_visit_and_is_refused_to_a_resident()
    {
        await suite.EnsureGridAsync("G01", "第一网格");
        var name = "测" + Guid.NewGuid().ToString("N")[..6];
        await suite.Gateway.PostOkAsync("/api/grid/care-list", new
        {
            gridCode = "G01", category = "MentalIllness", risk = "High", responsibleWorkerId = "gridworker", visitIntervalDays = 14,
            details = new { name, phone = "13800138000", address = "常青路18号6栋2单元601", circumstances = "在册管理，按时服药" },
        });

        var page = await browser.SignInAsync(suite, "gridworker", WorkbenchBrowser.Desktop);
        await page.GotoAsync("/care-list");
        // No names before a reason is given.
        await Expect(page.GetByText(name)).ToHaveCountAsync(0);
        await page.GetByLabel("查看事由").SelectOptionAsync(new SelectOptionValue { Label = "走访计划" });
        await page.GetByRole(AriaRole.Button, new() { Name = "查看名单" }).ClickAsync();

        var card = page.Locator(".care-person", new() { HasText = name });
        await Expect(card).ToContainTextAsync("未走访");
        await Expect(card).ToContainTextAsync("13800138000");
        await card.GetByRole(AriaRole.Button, new() { Name = "记录走访" }).ClickAsync();
        await card.GetByLabel("走访情况").FillAsync("入户走访，服药正常，家属监护到位");
        await card.GetByRole(AriaRole.Button, new() { Name = "保存走访" }).ClickAsync();
        var updated = page.Locator(".care-person", new() { HasText = name });
        await Expect(updated).ToContainTextAsync("已记录走访");
        await Expect(updated).Not.ToContainTextAsync("未走访");
        await WorkbenchBrowser.ScreenshotAsync(page, "care-list-desktop");

        var resident = await browser.SignInAsync(suite, "resident", WorkbenchBrowser.Phone);
        await resident.GotoAsync("/care-list");
        await Expect(resident.GetByRole(AriaRole.Heading, new() { Name = "无权查看" })).ToBeVisibleAsync();
    }
}
