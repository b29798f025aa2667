using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CommunityPlatform.Identity.FunctionalTests;

/// <summary>The web workbench's sign-in: authorization code with PKCE, through the sign-in page, as a browser does it.</summary>
[Collection(IdentityApiCollection.Name)]
public sealed partial class AuthorizationCodeFlowTests(IdentityApiFixture fixture)
{
    private const string RedirectUri = "http://localhost:5173/callback";

    private HttpClient NewBrowser() => fixture.App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    [Fact]
    public async Task A_person_signs_in_on_the_page_and_the_code_is_exchanged_with_the_pkce_verifier()
    {
        var browser = NewBrowser();
        var verifier = Base64Url(RandomNumberGenerator.GetBytes(32));
        var challenge = Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
        var authorize = "/connect/authorize?client_id=community-web&response_type=code&scope=openid%20profile%20roles%20community-api"
            + $"&redirect_uri={Uri.EscapeDataString(RedirectUri)}&code_challenge={challenge}&code_challenge_method=S256&state=s1";

        var toLogin = await browser.GetAsync(authorize);
        Assert.Equal(HttpStatusCode.Redirect, toLogin.StatusCode);
        Assert.StartsWith("/account/login", toLogin.Headers.Location!.PathAndQuery);

        var returnUrl = System.Web.HttpUtility.ParseQueryString(toLogin.Headers.Location.Query)["ReturnUrl"]!;
        var page = await (await browser.GetAsync(toLogin.Headers.Location)).Content.ReadAsStringAsync();
        Assert.Contains("社区综合服务平台", page);
        var antiforgery = AntiforgeryField().Match(page);

        var signedIn = await browser.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            [antiforgery.Groups["name"].Value] = antiforgery.Groups["value"].Value,
            ["returnUrl"] = returnUrl,
            ["userName"] = "staff",
            ["password"] = Tokens.DemoPassword,
        }));
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);

        var toClient = await browser.GetAsync(signedIn.Headers.Location);
        Assert.Equal(HttpStatusCode.Redirect, toClient.StatusCode);
        Assert.StartsWith(RedirectUri, toClient.Headers.Location!.ToString());
        var query = System.Web.HttpUtility.ParseQueryString(toClient.Headers.Location.Query);
        Assert.Equal("s1", query["state"]);

        var wrongVerifier = await Tokens.RequestAsync(browser, ("grant_type", "authorization_code"), ("client_id", "community-web"),
            ("code", query["code"]!), ("redirect_uri", RedirectUri), ("code_verifier", Base64Url(RandomNumberGenerator.GetBytes(32))));
        Assert.Equal(HttpStatusCode.BadRequest, wrongVerifier.StatusCode);

        // A code is single-use: after the failed attempt above, start again for a fresh one.
        var again = await browser.GetAsync(authorize);
        var code = System.Web.HttpUtility.ParseQueryString(again.Headers.Location!.Query)["code"]!;
        var exchanged = await Tokens.RequestAsync(browser, ("grant_type", "authorization_code"), ("client_id", "community-web"),
            ("code", code), ("redirect_uri", RedirectUri), ("code_verifier", verifier));
        Assert.Equal(HttpStatusCode.OK, exchanged.StatusCode);
        var tokens = await Tokens.JsonAsync(exchanged);
        Assert.Equal(["staff"], Tokens.Values(Tokens.Claims(tokens.GetProperty("access_token").GetString()!), "role"));
        Assert.True(tokens.TryGetProperty("id_token", out _));
    }

    [Fact]
    public async Task A_wrong_password_on_the_page_shows_the_error_in_chinese()
    {
        var browser = NewBrowser();
        var page = await (await browser.GetAsync("/account/login")).Content.ReadAsStringAsync();
        var antiforgery = AntiforgeryField().Match(page);

        var response = await browser.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            [antiforgery.Groups["name"].Value] = antiforgery.Groups["value"].Value,
            ["userName"] = "resident",
            ["password"] = "wrong",
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(body.Contains("用户名或密码错误", StringComparison.Ordinal), body);
    }

    [Fact]
    public async Task The_sign_in_page_leaves_its_framing_policy_to_the_gateway()
    {
        // The gateway sends X-Frame-Options: DENY on every answer; a second value from here would contradict it.
        var response = await NewBrowser().GetAsync("/account/login");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("X-Frame-Options"), string.Join(", ", response.Headers.Select(h => h.Key)));
    }

    [Fact]
    public async Task The_sign_in_form_without_its_antiforgery_token_is_refused()
    {
        var response = await NewBrowser().PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["userName"] = "resident",
            ["password"] = Tokens.DemoPassword,
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    [GeneratedRegex("name=\"(?<name>__RequestVerificationToken[^\"]*)\" value=\"(?<value>[^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
