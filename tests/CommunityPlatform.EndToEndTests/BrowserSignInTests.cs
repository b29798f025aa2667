using System.Net;
using System.Text.RegularExpressions;
using CommunityPlatform.ServiceDefaults;

namespace CommunityPlatform.EndToEndTests;

/// <summary>
/// A person in a plain browser: one address signs them in through the identity service's page and lands on the
/// half-year report; the gateway carries their token in a session cookie from then on.
/// </summary>
[Collection(SuiteCollection.Name)]
public sealed partial class BrowserSignInTests(SuiteFixture suite)
{
    [Fact]
    public async Task One_address_signs_the_secretary_in_and_opens_the_half_year_report()
    {
        var browser = new Browser(suite.App.GetEndpoint(ResourceNames.Gateway, "http"));

        var signInPage = await browser.FollowAsync("/login?returnUrl=%2Fapi%2Freports%2Fhalf-year");
        Assert.Contains("<form method=\"post\" action=\"/account/login\">", signInPage.Body);
        var landed = await browser.SubmitAsync(signInPage, new Dictionary<string, string> { ["userName"] = "secretary", ["password"] = "Community@2026" });

        Assert.True(landed.Address.AbsolutePath == "/api/reports/half-year" && landed.Status == HttpStatusCode.OK,
            $"landed on {landed.Address.AbsolutePath} with {(int)landed.Status}");
        Assert.Contains("<h1>常青社区", landed.Body);
        Assert.Contains("工作报告</h1>", landed.Body);

        // A figure's link opens in the same session: the records behind it, as JSON.
        var grids = await browser.FollowAsync("/api/grid/grids");
        Assert.Equal(HttpStatusCode.OK, grids.Status);

        // A form on another site could post with the cookie, but without the header it gets no token.
        var forged = await browser.PostAsync("/api/grid/grids", "{\"code\":\"X99\",\"name\":\"伪造\"}", csrf: false);
        Assert.Equal(HttpStatusCode.Unauthorized, forged);
    }

    [Fact]
    public async Task A_wrong_password_stays_on_the_sign_in_page_and_opens_nothing()
    {
        var browser = new Browser(suite.App.GetEndpoint(ResourceNames.Gateway, "http"));
        var signInPage = await browser.FollowAsync("/login?returnUrl=%2Fapi%2Freports%2Fhalf-year");
        var refused = await browser.SubmitAsync(signInPage, new Dictionary<string, string> { ["userName"] = "secretary", ["password"] = "wrong" });

        Assert.Equal("/account/login", refused.Address.AbsolutePath);
        Assert.Contains("用户名或密码错误", refused.Body);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.FollowAsync("/api/reports/half-year")).Status);
    }

    [Fact]
    public async Task The_session_tells_a_page_who_is_signed_in_and_renews_its_token_before_it_expires()
    {
        var browser = new Browser(suite.App.GetEndpoint(ResourceNames.Gateway, "http"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.FollowAsync("/session")).Status);

        var signInPage = await browser.FollowAsync("/login?returnUrl=%2Fsession");
        var session = await browser.SubmitAsync(signInPage, new Dictionary<string, string> { ["userName"] = "gridworker", ["password"] = "Community@2026" });
        Assert.Equal(HttpStatusCode.OK, session.Status);
        using (var who = System.Text.Json.JsonDocument.Parse(session.Body))
        {
            Assert.Equal("张志强", who.RootElement.GetProperty("name").GetString());
            Assert.Equal(["grid_worker"], who.RootElement.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
            Assert.Equal(["G01", "G02"], who.RootElement.GetProperty("grids").EnumerateArray().Select(g => g.GetString()));
        }

        // Past the point where the session renews its token (SuiteFixture.SessionRefreshBefore): the gateway redeems
        // the refresh token, sends a new session cookie, and the call goes through with the new token.
        var before = browser.SessionCookie;
        await Task.Delay(SuiteFixture.AccessTokenLifetime - SuiteFixture.SessionRefreshBefore + TimeSpan.FromSeconds(2));
        Assert.Equal(HttpStatusCode.OK, (await browser.FollowAsync("/api/grid/matters")).Status);
        Assert.NotEqual(before, browser.SessionCookie);
        Assert.Equal(HttpStatusCode.OK, (await browser.FollowAsync("/api/grid/matters")).Status);
    }

    /// <summary>Just enough of a browser: a cookie jar, redirects followed by hand, forms posted with their hidden fields.</summary>
    private sealed class Browser(Uri gateway)
    {
        private readonly CookieContainer _cookies = new();

        private HttpClient? _client;

        private HttpClient Client => _client ??= new(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = _cookies }) { BaseAddress = gateway };

        /// <summary>The gateway's session cookie as the browser holds it now (chunked cookies joined).</summary>
        public string SessionCookie => string.Join(";", _cookies.GetCookies(gateway).Where(c => c.Name.StartsWith("cp.session", StringComparison.Ordinal)).Select(c => c.Value));

        public async Task<Page> FollowAsync(string address)
        {
            var uri = new Uri(gateway, address);
            for (var hop = 0; hop < 10; hop++)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, uri);
                request.Headers.Accept.ParseAdd("text/html");
                using var response = await Client.SendAsync(request);
                if (response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther)
                {
                    uri = new Uri(uri, response.Headers.Location!);
                    continue;
                }

                return new Page(uri, response.StatusCode, await response.Content.ReadAsStringAsync());
            }

            throw new InvalidOperationException($"Too many redirects from {address}.");
        }

        public async Task<Page> SubmitAsync(Page form, IReadOnlyDictionary<string, string> fields)
        {
            var values = HiddenField().Matches(form.Body).ToDictionary(m => m.Groups[1].Value, m => WebUtility.HtmlDecode(m.Groups[2].Value));
            foreach (var (name, value) in fields)
            {
                values[name] = value;
            }

            using var response = await Client.PostAsync(new Uri(form.Address, "/account/login"), new FormUrlEncodedContent(values));
            return response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found
                ? await FollowAsync(new Uri(form.Address, response.Headers.Location!).PathAndQuery)
                : new Page(new Uri(form.Address, "/account/login"), response.StatusCode, await response.Content.ReadAsStringAsync());
        }

        public async Task<HttpStatusCode> PostAsync(string address, string json, bool csrf)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, address) { Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json") };
            if (csrf)
            {
                request.Headers.Add("X-CSRF", "1");
            }

            using var response = await Client.SendAsync(request);
            return response.StatusCode;
        }
    }

    private sealed record Page(Uri Address, HttpStatusCode Status, string Body);

    [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">")]
    private static partial Regex HiddenField();
}
