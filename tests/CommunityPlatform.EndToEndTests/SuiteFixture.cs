extern alias apphost;

using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CommunityPlatform.ServiceDefaults;
using CommunityPlatform.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CommunityPlatform.EndToEndTests;

/// <summary>
/// The real AppHost in local mode — PostgreSQL and RabbitMQ as local processes, every service, the gateway —
/// with its state in a scratch folder so a developer's own data is never touched.
/// </summary>
public sealed class SuiteFixture : IAsyncLifetime
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(5);
    private readonly string _state = Path.Combine(Path.GetTempPath(), "cp-e2e-" + Guid.NewGuid().ToString("N")[..8]);

    /// <summary>
    /// Access tokens here live half an hour, not production's five minutes: the fixture's clients hold one token for
    /// the whole run.
    /// </summary>
    public static readonly TimeSpan AccessTokenLifetime = TimeSpan.FromMinutes(30);

    /// <summary>
    /// Browser sessions renew their access token this long before it expires: in the tests, half a minute after each
    /// sign-in or renewal, so the renewal runs for real under every browser test.
    /// </summary>
    public static readonly TimeSpan SessionRefreshBefore = AccessTokenLifetime - TimeSpan.FromSeconds(30);

    public DistributedApplication App { get; private set; } = null!;

    /// <summary>The gateway, called as the community's secretary with a real token from the identity service.</summary>
    public HttpClient Gateway { get; private set; } = null!;

    /// <summary>The gateway, called without a token.</summary>
    public HttpClient Anonymous { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<apphost::Projects.AppHost>(
            [$"Infrastructure:Mode=local", $"Infrastructure:StateDirectory={_state}", $"Gateway:Session:RefreshBefore={SessionRefreshBefore}",
                $"Identity:AccessTokenLifetime={AccessTokenLifetime}"]);
        builder.Services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        // No retries: a test should see the first answer. A generous timeout: the first OpenAPI document a
        // service renders can take seconds on a loaded two-core machine.
        builder.Services.ConfigureHttpClientDefaults(http => http.ConfigureHttpClient(client => client.Timeout = TimeSpan.FromMinutes(2)));

        App = await builder.BuildAsync().WaitAsync(StartTimeout);
        await App.StartAsync().WaitAsync(StartTimeout);
        await App.ResourceNotifications.WaitForResourceHealthyAsync(ResourceNames.Gateway).WaitAsync(StartTimeout);
        Anonymous = App.CreateHttpClient(ResourceNames.Gateway, "http");
        Gateway = await GatewayAsAsync("secretary");
    }

    /// <summary>A real access token from the identity service, through the gateway (demo accounts, password grant).</summary>
    public async Task<string> TokenAsync(string userName)
    {
        var response = await Anonymous.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "password",
            ["client_id"] = "community-cli",
            ["username"] = userName,
            ["password"] = "Community@2026",
            ["scope"] = "community-api roles",
        }));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString()!;
    }

    /// <summary>A client of the gateway signed in as one of the demo accounts.</summary>
    public async Task<HttpClient> GatewayAsAsync(string userName)
    {
        var client = App.CreateHttpClient(ResourceNames.Gateway, "http");
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(userName));
        return client;
    }

    /// <summary>A client of the gateway as a machine client with a real client-credentials token, e.g. the county platform.</summary>
    public async Task<HttpClient> GatewayAsClientAsync(string clientId, string clientSecret)
    {
        var response = await Anonymous.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = clientSecret,
            ["scope"] = "community-api",
        }));
        response.EnsureSuccessStatusCode();
        var client = App.CreateHttpClient(ResourceNames.Gateway, "http");
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Bearer", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString());
        return client;
    }

    /// <summary>Creates a party organisation through the gateway as the secretary.</summary>
    public async Task CreateOrganisationAsync(string code, string name, string kind, string? parentCode = null)
    {
        var response = await Gateway.PostAsJsonAsync("/api/membership/organisations", new { code, name, kind, parentCode });
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
    }

    /// <summary>Creates a grid as the secretary, unless an earlier test already did.</summary>
    public async Task EnsureGridAsync(string code, string name)
    {
        var response = await Gateway.PostAsJsonAsync("/api/grid/grids", new { code, name });
        Assert.True(response.StatusCode is System.Net.HttpStatusCode.Created or System.Net.HttpStatusCode.Conflict, $"grid {code}: {(int)response.StatusCode}");
    }

    /// <summary>
    /// Posts until the answer is 201: for a write naming reference data (a grid) that reaches the service through
    /// the broker, and is refused as unknown until it has.
    /// </summary>
    public static async Task<JsonElement> PostUntilCreatedAsync(HttpClient client, string path, object body)
    {
        var response = await Eventually.ReturnsAsync(() => client.PostAsJsonAsync(path, body),
            r => r.StatusCode == System.Net.HttpStatusCode.Created, TimeSpan.FromSeconds(60), $"POST {path} to be accepted");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public async Task DisposeAsync()
    {
        await App.StopAsync().WaitAsync(TimeSpan.FromMinutes(1));
        await App.DisposeAsync();
        try
        {
            Directory.Delete(_state, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: the folder is in /tmp.
        }
        catch (UnauthorizedAccessException)
        {
            // Server-owned files when run as root; /tmp is cleaned by the system.
        }
    }
}

/// <summary>One suite boot shared by every end-to-end test class.</summary>
[CollectionDefinition(Name)]
public sealed class SuiteCollection : ICollectionFixture<SuiteFixture>
{
    public const string Name = "suite";
}
