using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CommunityPlatform.EndToEndTests.Workbench;

/// <summary>
/// Safety inspection in the workbench: an inspector on a phone starts an inspection of a venue, is told which
/// items are still unanswered when completing too early, fails one item with a photo, completes, and sees the
/// hazard it opened — then finds it in the hazard ledger, waiting for rectification, and reports the rectification.
/// </summary>
[Collection(SuiteCollection.Name)]
public sealed class SafetyWorkbenchTests(SuiteFixture suite, WorkbenchBrowser browser) : IClassFixture<WorkbenchBrowser>
{
    static SafetyWorkbenchTests() => SetDefaultExpectTimeout(30_000);

    [Fact]
    public async Task An_inspector_runs_an_inspection_on_a_phone_and_the_failed_item_becomes_a_hazard_in_the_ledger()
    {
        // Set-up through the API: the grid reaches safety through the broker, then a restaurant can be registered in it.
        await suite.EnsureGridAsync("G31", "安全工作台网格");
        var inspector = await suite.GatewayAsAsync("inspector");
        var venueName = $"工作台测试餐馆{Guid.NewGuid():N}"[..13];
        var venue = await SuiteFixture.PostUntilCreatedAsync(inspector, "/api/safety/venues", new
        {
            name = venueName, kind = "SmallRestaurant", gridCode = "G31", address = "常青路 8 号", ownerName = "王老板", floorArea = 80, capacity = 30,
        });
        var venueId = venue.GetProperty("id").GetString()!;

        var page = await browser.SignInAsync(suite, "inspector", WorkbenchBrowser.Phone);
        await page.GotoAsync("/inspections");
        await page.GetByLabel("场所类型").SelectOptionAsync(new SelectOptionValue { Label = "小餐饮" });
        await page.GetByLabel("场所名称").FillAsync(venueName);
        var venueSelect = page.GetByLabel("检查场所");
        await Expect(venueSelect.Locator($"option[value='{venueId}']")).ToHaveCountAsync(1);
        await venueSelect.SelectOptionAsync(venueId);
        // The checklist the API will choose for a restaurant, named before starting.
        await Expect(page.Locator("#start-template")).ToContainTextAsync("小餐饮");
        await page.GetByRole(AriaRole.Button, new() { Name = "开始检查", Exact = true }).ClickAsync();

        await page.WaitForURLAsync(new Regex("/inspections/[0-9a-f-]{36}$"));
        var items = page.Locator(".items .item[data-item-id]");
        await Expect(items.First).ToBeVisibleAsync();
        var total = await items.CountAsync();
        Assert.True(total >= 8, $"the restaurant checklist has its items ({total})");
        await Expect(page.Locator(".progress-text")).ToHaveTextAsync($"已作答 0 / {total} 项");

        // Completing at once is refused by the API, naming every unanswered item; the page marks them.
        var complete = page.GetByRole(AriaRole.Button, new() { Name = "完成检查" });
        await complete.ClickAsync();
        await Expect(page.Locator(".run-alert")).ToContainTextAsync("还有检查项未作答：第 1、2、3");
        await Expect(page.Locator(".item.missing")).ToHaveCountAsync(total);

        // The first item that needs a photo fails; the photo rule is checked as it is typed.
        var failed = items.Filter(new() { HasText = "不合格须拍照留证" }).First;
        var failedNumber = await failed.GetAttributeAsync("data-item-id");
        var question = (await failed.Locator("h3").InnerTextAsync())[(failedNumber!.Length + 2)..];
        await failed.GetByRole(AriaRole.Button, new() { Name = "不合格", Exact = true }).ClickAsync();
        await Expect(failed).ToHaveAttributeAsync("data-result", "Fail");
        await Expect(failed.Locator(".photo-needed")).ToBeVisibleAsync();
        await failed.GetByLabel("照片编号").FillAsync(new string('x', 301));
        await Expect(failed.Locator("[data-field=photos] .field-error")).ToHaveTextAsync("每项不超过 300 个字");
        await failed.GetByLabel("照片编号").FillAsync("photos/workbench-exit.jpg");
        await Expect(failed.Locator("[data-field=photos] .field-error")).ToBeEmptyAsync();
        await failed.GetByLabel("情况说明").FillAsync("后厨通道堆放纸箱");
        await failed.GetByRole(AriaRole.Button, new() { Name = "保存此项" }).ClickAsync();
        await Expect(failed.Locator(".item-status")).ToHaveTextAsync("已保存");

        for (var i = 0; i < total; i++)
        {
            var item = items.Nth(i);
            if (await item.GetAttributeAsync("data-item-id") == failedNumber)
            {
                continue;
            }

            await item.GetByRole(AriaRole.Button, new() { Name = "合格", Exact = true }).ClickAsync();
            await Expect(item).ToHaveAttributeAsync("data-result", "Pass");
        }

        // Each answer is saved in turn; on a busy machine that takes a while.
        await Expect(page.Locator(".progress-text")).ToHaveTextAsync($"已作答 {total} / {total} 项 · 不合格 1 项", new() { Timeout = 120_000 });
        await WorkbenchBrowser.ScreenshotAsync(page, "inspection-run-phone");

        await complete.ClickAsync();
        var opened = page.Locator(".opened-hazards [data-hazard-id]");
        await Expect(opened).ToHaveCountAsync(1);
        await Expect(opened).ToContainTextAsync(question);
        await Expect(opened).ToContainTextAsync("消防");
        await Expect(opened).ToContainTextAsync("待整改");
        await Expect(page.Locator("[data-status=Completed]")).ToHaveCountAsync(1);
        var hazardId = await opened.GetAttributeAsync("data-hazard-id");
        await WorkbenchBrowser.ScreenshotAsync(page, "inspection-completed-phone");

        // The ledger lists it as waiting for rectification.
        await page.GotoAsync("/hazards");
        var hazard = page.Locator($"[data-hazard-id='{hazardId}']");
        await Expect(hazard).ToContainTextAsync(question);
        await Expect(hazard).ToContainTextAsync("待整改");
        await Expect(hazard).ToContainTextAsync(venueName);
        await Expect(hazard).ToContainTextAsync("一般隐患");
        await WorkbenchBrowser.ScreenshotAsync(page, "hazards-phone");

        // On a desk: the rectification is reported with its evidence; without a photo the form says so by the field.
        var desk = await browser.SignInAsync(suite, "inspector", WorkbenchBrowser.Desktop);
        await desk.GotoAsync("/hazards?grid=G31");
        var row = desk.Locator($"[data-hazard-id='{hazardId}']");
        await Expect(row).ToContainTextAsync("待整改");
        await WorkbenchBrowser.ScreenshotAsync(desk, "hazards-desktop");
        await row.Locator("[data-action=submission]").ClickAsync();
        var submit = row.GetByRole(AriaRole.Button, new() { Name = "提交整改" }).Last;
        await submit.ClickAsync();
        await Expect(row.Locator("[data-field=photos] .field-error")).ToHaveTextAsync("必填，不能为空");
        await row.GetByLabel("整改照片编号").FillAsync("photos/workbench-exit-clear.jpg");
        await row.GetByLabel("整改说明").FillAsync("纸箱已清理");
        await submit.ClickAsync();
        var updated = desk.Locator($"[data-hazard-id='{hazardId}']");
        await Expect(updated).ToHaveAttributeAsync("data-status", "Submitted");
        await Expect(updated).ToContainTextAsync("待复查");
        await Expect(updated).ToContainTextAsync("photos/workbench-exit-clear.jpg");
    }
}
