using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using CommunityPlatform.TestSupport;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CommunityPlatform.EndToEndTests.Workbench;

/// <summary>
/// Volunteer activities in the workbench: a team leader plans an activity (the form refuses an end before the start
/// next to the end field), publishes it, shows its check-in code on a phone, checks a volunteer in, completes it and
/// approves the hours — one as computed, one adjusted with the reason the API requires. And the half-year report page:
/// the link opens the chosen half year's report, and the secretary freezes a copy.
/// </summary>
[Collection(SuiteCollection.Name)]
public sealed class VolunteerWorkbenchTests(SuiteFixture suite, WorkbenchBrowser browser) : IClassFixture<WorkbenchBrowser>
{
    private const string Grid = "VW1";
    private static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    static VolunteerWorkbenchTests() => SetDefaultExpectTimeout(30_000);

    [Fact]
    public async Task A_leader_plans_publishes_and_completes_an_activity_and_approves_the_hours_in_the_workbench()
    {
        // Set-up that is not what the test is about: a grid, a team, three resident volunteers of that grid.
        await suite.EnsureGridAsync(Grid, "志愿工作台测试网格");
        var teamName = $"工作台测试服务队{Guid.NewGuid():N}"[..14];
        await suite.Gateway.PostOkAsync("/api/volunteer/teams", new { name = teamName, focus = "Patrol" });
        // The grid reaches the volunteer service through the broker; until then a volunteer of it is refused.
        var came = (await SuiteFixture.PostUntilCreatedAsync(suite.Gateway, "/api/volunteer/volunteers", new { displayName = "周晓明", gridCode = Grid }))
            .GetProperty("id").GetGuid();
        var computed = (await suite.Gateway.PostOkAsync("/api/volunteer/volunteers", new { displayName = "吴海燕", gridCode = Grid })).GetProperty("id").GetGuid();
        var absent = (await suite.Gateway.PostOkAsync("/api/volunteer/volunteers", new { displayName = "郑国强", gridCode = Grid })).GetProperty("id").GetGuid();

        var page = await browser.SignInAsync(suite, "volunteerleader", WorkbenchBrowser.Desktop);
        page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await page.GotoAsync("/activities");
        await page.GetByRole(AriaRole.Button, new() { Name = "新建活动" }).ClickAsync();

        // The start must be in the future when the form is sent and the test waits for it: three minutes ahead, in
        // the browser's own clock (Asia/Shanghai), to the minute as datetime-local has it.
        var now = DateTimeOffset.UtcNow.ToOffset(ChinaOffset);
        var startsAt = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, ChinaOffset).AddMinutes(3);
        await page.GetByLabel("活动名称").FillAsync("周末平安巡逻");
        // The filter bar has 活动类别 and 服务队 too: the form's own fields.
        await page.Locator("#f-kind").SelectOptionAsync("Patrol");
        await page.Locator("#f-teamId").SelectOptionAsync(new SelectOptionValue { Label = teamName });
        await page.Locator("#f-gridCode").SelectOptionAsync(Grid);
        await page.GetByLabel("地点").FillAsync("幸福里小区北门");
        await page.GetByLabel("招募人数").FillAsync("5");
        await page.Locator("#f-startsAt").FillAsync(Local(startsAt));
        await page.Locator("#f-endsAt").FillAsync(Local(startsAt.AddHours(-1)));

        // Checked as the person types, by the API's rule (endsAt after startsAt), next to the end field only.
        await Expect(page.Locator("[data-field=endsAt] .field-error")).ToHaveTextAsync("必须晚于开始时间");
        await Expect(page.Locator("[data-field=startsAt] .field-error")).ToBeEmptyAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "保存为草稿" }).ClickAsync();
        await Expect(page.Locator("[data-field=endsAt] .field-error")).ToHaveTextAsync("必须晚于开始时间");
        Assert.EndsWith("/activities", new Uri(page.Url).AbsolutePath);

        await page.Locator("#f-endsAt").FillAsync(Local(startsAt.AddHours(3)));
        await Expect(page.Locator("[data-field=endsAt] .field-error")).ToBeEmptyAsync();
        await WorkbenchBrowser.ScreenshotAsync(page, "activities-create-desktop");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存为草稿" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/activities/[0-9a-f-]{36}$"));
        var activity = Guid.Parse(new Uri(page.Url).Segments[^1]);
        await Expect(page.Locator(".activity-page")).ToHaveAttributeAsync("data-status", "Draft");

        await page.GetByRole(AriaRole.Button, new() { Name = "发布报名" }).ClickAsync();
        await Expect(page.Locator(".activity-page")).ToHaveAttributeAsync("data-status", "Published");
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("活动已发布");
        var code = (await suite.Gateway.GetFromJsonAsync<JsonElement>($"/api/volunteer/activities/{activity}/check-in-code")).GetProperty("code").GetString()!;
        await Expect(page.Locator(".checkin-card .code")).ToHaveTextAsync(code);
        await Expect(page.Locator(".checkin-card .code")).ToHaveAttributeAsync("data-checkin-code", code);

        // The volunteers sign up (the leader does it for them, through the API); the list shows them.
        foreach (var volunteer in new[] { came, computed, absent })
        {
            await suite.Gateway.PostOkAsync($"/api/volunteer/activities/{activity}/signups", new { volunteerId = volunteer });
        }

        // On site, on a phone: the code big enough to read off the screen, and the list of activities.
        var phone = await browser.SignInAsync(suite, "volunteerleader", WorkbenchBrowser.Phone);
        await phone.GotoAsync($"/activities/{activity}");
        await Expect(phone.Locator(".checkin-card .code")).ToHaveTextAsync(code);
        await Expect(phone.Locator("tr[data-volunteer]")).ToHaveCountAsync(3);
        await WorkbenchBrowser.ScreenshotAsync(phone, "activity-checkin-code-phone");
        await AssertNoSidewaysScrollAsync(phone);
        await phone.GotoAsync("/activities");
        await Expect(phone.GetByRole(AriaRole.Link, new() { Name = "周末平安巡逻" })).ToBeVisibleAsync();
        await WorkbenchBrowser.ScreenshotAsync(phone, "activities-list-phone");
        await AssertNoSidewaysScrollAsync(phone);
        await phone.Context.CloseAsync();

        // The leader checks 周晓明 in from the list (check-in opens 30 minutes before the start); 吴海燕 checks in through the API.
        await page.ReloadAsync();
        var cameRow = page.Locator($"tr[data-volunteer='{came}']");
        await cameRow.GetByRole(AriaRole.Button, new() { Name = "代签到" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("周晓明 已签到");
        await Expect(cameRow.GetByRole(AriaRole.Button, new() { Name = "代签退" })).ToBeVisibleAsync();
        await suite.Gateway.PostOkAsync($"/api/volunteer/activities/{activity}/check-in", new { volunteerId = computed }, System.Net.HttpStatusCode.OK);

        // An activity is completed once it has started.
        var wait = startsAt - DateTimeOffset.UtcNow + TimeSpan.FromSeconds(2);
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait);
        }

        await page.ReloadAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "结项" }).ClickAsync();
        await Expect(page.Locator(".activity-page")).ToHaveAttributeAsync("data-status", "Completed");
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("2 人有服务记录，未到 1 人");
        await Expect(page.Locator(".no-shows")).ToHaveAttributeAsync("data-no-shows", "1");
        await Expect(page.Locator(".no-shows li")).ToHaveTextAsync("郑国强");

        // Present for seconds, not 60 % of three hours: the rules give 0 hours. 吴海燕's are approved as computed …
        var computedRow = page.Locator($".hours-sheet tr[data-volunteer='{computed}']");
        await Expect(computedRow).ToContainTextAsync("0 小时");
        await computedRow.GetByRole(AriaRole.Button, new() { Name = "按计算通过" }).ClickAsync();
        await Expect(page.Locator($".hours-sheet tr[data-volunteer='{computed}'] [data-credited]")).ToHaveAttributeAsync("data-credited", "0");

        // … 周晓明's are adjusted to the sheet's 2.5 hours, which needs a reason, shown by the reason field.
        var cameHours = page.Locator($".hours-sheet tr[data-volunteer='{came}']");
        await cameHours.GetByRole(AriaRole.Button, new() { Name = "调整后通过" }).ClickAsync();
        await page.GetByLabel("认定时长（小时）").FillAsync("2.5");
        await page.GetByRole(AriaRole.Button, new() { Name = "确认调整并通过" }).ClickAsync();
        await Expect(page.Locator("[data-field=reason] .field-error")).ToHaveTextAsync("必填，不能为空");
        await Expect(page.Locator("[data-field=hours] .field-error")).ToBeEmptyAsync();
        await page.GetByLabel("调整原因").FillAsync("纸质签到表核实全程在岗，系统签退晚录");
        await page.GetByRole(AriaRole.Button, new() { Name = "确认调整并通过" }).ClickAsync();
        var credited = page.Locator($".hours-sheet tr[data-volunteer='{came}'] [data-credited]");
        await Expect(credited).ToHaveAttributeAsync("data-credited", "2.5");
        await Expect(credited).ToContainTextAsync("已认定 2.5 小时");
        await Expect(page.Locator(".hours-total")).ToHaveAttributeAsync("data-total-hours", "2.5");
        await WorkbenchBrowser.ScreenshotAsync(page, "activity-hours-desktop");

        var records = (await suite.Gateway.GetFromJsonAsync<JsonElement>($"/api/volunteer/service-records?activityId={activity}")).GetProperty("items");
        var adjusted = records.EnumerateArray().Single(r => r.GetProperty("volunteerId").GetGuid() == came);
        Assert.Equal("Approved", adjusted.GetProperty("status").GetString());
        Assert.Equal(2.5m, adjusted.GetProperty("hours").GetDecimal());
        Assert.Equal("纸质签到表核实全程在岗，系统签退晚录", adjusted.GetProperty("adjustmentReason").GetString());

        await page.GotoAsync("/activities");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "周末平安巡逻" })).ToBeVisibleAsync();
        await WorkbenchBrowser.ScreenshotAsync(page, "activities-list-desktop");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_secretary_opens_the_chosen_half_year_report_and_freezes_a_copy()
    {
        var page = await browser.SignInAsync(suite, "secretary", WorkbenchBrowser.Desktop);
        page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await page.GotoAsync("/report");

        // Not the default (the half year running): the other half of this year once it has begun, else last year's second half.
        var today = DateTimeOffset.UtcNow.ToOffset(ChinaOffset);
        var (year, half) = today.Month >= 7 ? (today.Year, 1) : (today.Year - 1, 2);
        await page.GetByLabel("年份").SelectOptionAsync(year.ToString(CultureInfo.InvariantCulture));
        await page.GetByLabel("半年").SelectOptionAsync(half.ToString(CultureInfo.InvariantCulture));

        var open = page.GetByRole(AriaRole.Link, new() { Name = "打开报告" });
        await Expect(open).ToHaveAttributeAsync("target", "_blank");
        var href = await open.GetAttributeAsync("href");
        Assert.Equal($"/api/reports/half-year?year={year}&half={half}&format=html", href);
        Assert.Equal($"/api/reports/half-year?year={year}&half={half}&format=markdown",
            await page.GetByRole(AriaRole.Link, new() { Name = "下载 Markdown" }).GetAttributeAsync("href"));

        // The session cookie makes the GET work from the page: the report itself, as HTML.
        var report = await page.EvaluateAsync<JsonElement>(
            "async (url) => { const r = await fetch(url); return { status: r.status, type: r.headers.get('Content-Type'), body: await r.text() }; }", href);
        Assert.Equal(200, report.GetProperty("status").GetInt32());
        Assert.StartsWith("text/html", report.GetProperty("type").GetString());
        Assert.Contains("工作报告", report.GetProperty("body").GetString());
        Assert.Contains($"{year}年{(half == 1 ? "上" : "下")}半年", report.GetProperty("body").GetString());

        // The preview shows the same half year, composed from the four services.
        await Expect(page.Locator(".report-preview .report-title")).ToContainTextAsync("工作报告", new() { Timeout = 90_000 });

        // Freezing: confirmed, then listed with its version and who froze it.
        await page.GetByRole(AriaRole.Button, new() { Name = "定稿" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"{year}年{(half == 1 ? "上" : "下")}半年已定稿");
        var row = page.Locator(".report-snapshots tr[data-snapshot]").Filter(new() { HasText = $"{year}年{(half == 1 ? "上" : "下")}半年" }).First;
        await Expect(row).ToContainTextAsync("刘建华");
        var snapshotHref = await row.GetByRole(AriaRole.Link, new() { Name = "打开" }).GetAttributeAsync("href");
        Assert.Matches("^/api/reports/half-year/snapshots/[0-9a-f-]{36}\\?format=html$", snapshotHref);
        await WorkbenchBrowser.ScreenshotAsync(page, "report-desktop");
        await page.Context.CloseAsync();
    }

    private static string Local(DateTimeOffset at) => at.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);

    private static async Task AssertNoSidewaysScrollAsync(IPage page) =>
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "the page scrolls sideways");
}
