using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CommunityPlatform.EndToEndTests.Workbench;

/// <summary>
/// The party register and organisational life in the workbench: the secretary registers a member (a wrong phone
/// number is refused by its field), finds them by name, schedules a meeting and takes its attendance with one
/// member present and one absent with a reason.
/// </summary>
[Collection(SuiteCollection.Name)]
public sealed class MembershipWorkbenchTests(SuiteFixture suite, WorkbenchBrowser browser) : IClassFixture<WorkbenchBrowser>
{
    static MembershipWorkbenchTests() => SetDefaultExpectTimeout(30_000);

    /// <summary>The meeting is dated yesterday on the community's clock, so it can be recorded as held.</summary>
    private static readonly DateTime Yesterday = TimeZoneInfo.ConvertTimeBySystemTimeZoneId(DateTime.UtcNow, "Asia/Shanghai").Date.AddDays(-1);

    [Fact]
    public async Task The_secretary_registers_a_member_then_schedules_a_meeting_and_takes_its_attendance()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var organisationCode = $"WB-{suffix}";
        var organisationName = $"工作台测试党总支{suffix}";
        var memberName = $"测试党员{suffix}";
        var absentName = $"测试缺席{suffix}";
        await suite.EnsureGridAsync("G01", "第一网格");
        await suite.CreateOrganisationAsync(organisationCode, organisationName, "GeneralBranch");
        await RegisterThroughApiAsync(absentName, organisationCode);

        var page = await browser.SignInAsync(suite, "secretary", WorkbenchBrowser.Desktop);
        await page.GotoAsync("/members");
        await page.GetByRole(AriaRole.Button, new() { Name = "登记党员" }).ClickAsync();
        await page.Locator("#f-name").FillAsync(memberName);
        await page.Locator("#f-gender").SelectOptionAsync(new SelectOptionValue { Label = "女" });
        await page.GetByLabel("出生日期").FillAsync("1992-03-08");
        await page.Locator("#f-education").SelectOptionAsync(new SelectOptionValue { Label = "本科" });
        await page.GetByLabel("手机号").FillAsync("12345678901");
        await page.GetByLabel("所属党组织").SelectOptionAsync(new SelectOptionValue { Label = organisationName });
        await page.GetByLabel("居住网格").SelectOptionAsync("G01");
        var register = page.GetByRole(AriaRole.Button, new() { Name = "登记", Exact = true });
        await register.ClickAsync();

        // The phone rule the API applies (ChinesePhone), next to the phone field and nowhere else.
        await Expect(page.Locator("[data-field=phone] .field-error")).ToContainTextAsync("11 位手机号");
        await Expect(page.Locator("[data-field=phone] input")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.Locator("[data-field=name] .field-error")).ToBeEmptyAsync();
        await Expect(page.Locator("[data-field=birthDate] .field-error")).ToBeEmptyAsync();
        Assert.Contains("/members", page.Url);
        Assert.DoesNotContain("saved=", page.Url);

        await page.GetByLabel("手机号").FillAsync("13912345678");
        await Expect(page.Locator("[data-field=phone] .field-error")).ToBeEmptyAsync();
        await register.ClickAsync();

        await page.WaitForURLAsync(new Regex("saved="));
        await Expect(page.Locator(".notice")).ToContainTextAsync(memberName);
        // Found again by the name filter, as anyone would look for them.
        await page.Locator("#filter-name").FillAsync($"测试党员{suffix[..3]}");
        await page.Locator("#filter-organisationCode").SelectOptionAsync(organisationCode);
        await page.GetByRole(AriaRole.Button, new() { Name = "查询" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("organisationCode="));
        var row = page.Locator(".members-list tbody tr", new() { HasText = memberName });
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row).ToContainTextAsync("女");
        await Expect(row).ToContainTextAsync("本科");
        await Expect(row).ToContainTextAsync(organisationName);
        await Expect(row).ToContainTextAsync("正式党员");
        await Expect(row).Not.ToContainTextAsync("13912345678");
        await Expect(page.Locator(".members-list tbody tr", new() { HasText = absentName })).ToHaveCountAsync(0);
        await WorkbenchBrowser.ScreenshotAsync(page, "members-list-desktop");

        await page.GotoAsync("/meetings");
        await page.GetByRole(AriaRole.Button, new() { Name = "安排会议" }).ClickAsync();
        await page.GetByLabel("党组织").SelectOptionAsync(new SelectOptionValue { Label = organisationName });
        await page.Locator("#f-kind").SelectOptionAsync(new SelectOptionValue { Label = "支部党员大会" });
        await page.GetByLabel("会议主题").FillAsync($"党员大会{suffix}");
        await page.GetByLabel("地点").FillAsync("党员活动室");
        await page.GetByLabel("开始时间").FillAsync($"{Yesterday:yyyy-MM-dd}T14:00");
        await page.GetByLabel("结束时间").FillAsync($"{Yesterday:yyyy-MM-dd}T16:00");
        await page.GetByRole(AriaRole.Button, new() { Name = "安排", Exact = true }).ClickAsync();

        await page.WaitForURLAsync(new Regex("/meetings/[0-9a-f-]{36}$"));
        var meetingUrl = new Uri(page.Url).AbsolutePath;
        var present = page.Locator($".attendee[data-member-name='{memberName}']");
        var absent = page.Locator($".attendee[data-member-name='{absentName}']");
        await Expect(page.Locator(".attendance-take .attendee")).ToHaveCountAsync(2);
        await present.GetByRole(AriaRole.Button, new() { Name = "出席" }).ClickAsync();
        await absent.GetByRole(AriaRole.Button, new() { Name = "缺席" }).ClickAsync();
        var save = page.GetByRole(AriaRole.Button, new() { Name = "保存出席情况" });
        await save.ClickAsync();
        // An absence needs its reason: said on that member's row, and nothing is recorded yet.
        await Expect(absent.Locator(".reason .field-error")).ToHaveTextAsync("请填写缺席原因");
        await Expect(present.Locator(".field-error")).ToHaveTextAsync(["", ""]);
        await Expect(page.Locator("[data-meeting-status]")).ToHaveAttributeAsync("data-meeting-status", "Scheduled");
        await absent.GetByLabel("缺席原因").FillAsync("外出务工");
        await Expect(page.Locator(".progress")).ToHaveTextAsync("已登记 2 / 2 人：出席 1，缺席 1");
        await WorkbenchBrowser.ScreenshotAsync(page, "meeting-attendance-desktop");
        await save.ClickAsync();

        await page.WaitForURLAsync(new Regex("recorded=1"));
        await Expect(page.Locator("[data-meeting-status]")).ToHaveAttributeAsync("data-meeting-status", "Held");
        await Expect(page.Locator("[data-stat=present] .value")).ToHaveTextAsync("1");
        await Expect(page.Locator("[data-stat=absent] .value")).ToHaveTextAsync("1");
        await Expect(page.Locator($".held-list [data-member-name='{absentName}']")).ToContainTextAsync("外出务工");
        await Expect(page.Locator($".held-list [data-member-name='{memberName}']")).ToContainTextAsync("出席");
        await WorkbenchBrowser.ScreenshotAsync(page, "meeting-held-desktop");

        // The list shows the meeting as held with its counts.
        await page.GotoAsync($"/meetings?organisationCode={organisationCode}");
        await Expect(page.Locator("[data-list=past] tbody tr", new() { HasText = $"党员大会{suffix}" })).ToContainTextAsync("出席 1 · 缺席 1 · 补学 0");

        var phone = await browser.SignInAsync(suite, "secretary", WorkbenchBrowser.Phone);
        await phone.GotoAsync($"/members?name={Uri.EscapeDataString(memberName)}");
        await Expect(phone.Locator(".members-list tbody tr", new() { HasText = memberName })).ToHaveCountAsync(1);
        await AssertNoSidewaysScrollAsync(phone);
        await WorkbenchBrowser.ScreenshotAsync(phone, "members-list-phone");

        // Taking attendance on a phone: one member per row with big toggles.
        var second = await ScheduleThroughApiAsync(organisationCode, $"支委会{suffix}");
        await phone.GotoAsync($"/meetings/{second}");
        await Expect(phone.Locator(".attendance-take .attendee")).ToHaveCountAsync(2);
        await phone.Locator($".attendee[data-member-name='{absentName}']").GetByRole(AriaRole.Button, new() { Name = "缺席" }).ClickAsync();
        await Expect(phone.Locator($".attendee[data-member-name='{absentName}'] .reason input")).ToBeFocusedAsync();
        await AssertNoSidewaysScrollAsync(phone);
        await WorkbenchBrowser.ScreenshotAsync(phone, "meeting-attendance-phone");

        await phone.GotoAsync(meetingUrl);
        await Expect(phone.Locator("[data-stat=present] .value")).ToHaveTextAsync("1");
        await AssertNoSidewaysScrollAsync(phone);
        await WorkbenchBrowser.ScreenshotAsync(phone, "meeting-held-phone");
    }

    private static async Task AssertNoSidewaysScrollAsync(IPage page)
    {
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"the page scrolls sideways by {overflow} px");
    }

    private async Task RegisterThroughApiAsync(string name, string organisationCode)
    {
        var response = await suite.Gateway.PostAsJsonAsync("/api/membership/members", new
        {
            name, gender = "Male", birthDate = "1980-06-01", education = "College", organisationCode, gridCode = "G01",
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    private async Task<string> ScheduleThroughApiAsync(string organisationCode, string title)
    {
        var startsAt = new DateTimeOffset(Yesterday.AddHours(9), TimeSpan.FromHours(8));
        var response = await suite.Gateway.PostAsJsonAsync("/api/membership/meetings", new
        {
            organisationCode, kind = "CommitteeMeeting", title, startsAt, endsAt = startsAt.AddHours(1),
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }
}
