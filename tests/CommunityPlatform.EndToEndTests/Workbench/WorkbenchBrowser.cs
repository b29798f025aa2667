using CommunityPlatform.ServiceDefaults;
using Microsoft.Playwright;

namespace CommunityPlatform.EndToEndTests.Workbench;

/// <summary>
/// Headless Chromium from the machine's own package (Debian's <c>chromium</c>, which <c>.ci/run</c> installs),
/// driven by Playwright against the workbench of the booted suite. One browser for the collection; each test
/// opens its own context, so sign-ins never leak between tests.
/// </summary>
public sealed class WorkbenchBrowser : IAsyncLifetime
{
    /// <summary>Where screenshots of the main pages go: the project's test results folder (bin/Debug/net10.0 → project).</summary>
    public static readonly string ScreenshotDirectory = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "TestResults", "workbench-screenshots"));

    public static readonly (int Width, int Height) Desktop = (1366, 900);
    public static readonly (int Width, int Height) Phone = (375, 812);

    private IPlaywright _playwright = null!;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
            Headless = true,
            // This machine has no network beyond its package registries: Chromium's own background traffic is turned off.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        Directory.CreateDirectory(ScreenshotDirectory);
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
    }

    /// <summary>A fresh browser (no cookies) at the given screen size, showing the suite's workbench.</summary>
    public async Task<IPage> OpenAsync(SuiteFixture suite, (int Width, int Height) screen)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = suite.App.GetEndpoint(ResourceNames.Gateway, "http").ToString().TrimEnd('/'),
            ViewportSize = new ViewportSize { Width = screen.Width, Height = screen.Height },
            Locale = "zh-CN",
            TimezoneId = "Asia/Shanghai",
        });
        context.SetDefaultTimeout(30_000);
        return await context.NewPageAsync();
    }

    /// <summary>Opens the workbench, signs in on the identity service's page as a demo account, and waits for the home page.</summary>
    public async Task<IPage> SignInAsync(SuiteFixture suite, string userName, (int Width, int Height) screen)
    {
        var page = await OpenAsync(suite, screen);
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "登录" }).ClickAsync();
        await page.Locator("#userName").FillAsync(userName);
        await page.Locator("#password").FillAsync("Community@2026");
        await page.Locator("form button[type=submit], form input[type=submit]").First.ClickAsync();
        await page.Locator(".who-name").WaitForAsync();
        return page;
    }

    /// <summary>A full-page screenshot named after the page and the screen, kept with the test results.</summary>
    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDirectory, name + ".png"), FullPage = true });
}
