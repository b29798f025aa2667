using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Aspire.Hosting.ApplicationModel;
using CommunityPlatform.ServiceDefaults;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CommunityPlatform.Benchmarks.Suite;

/// <summary>
/// The whole suite as it runs for users — the real AppHost in local mode: PostgreSQL and RabbitMQ as local
/// processes, every service and the gateway as their own processes — with its state in a scratch folder and the
/// gateway on a free port, so it never meets a developer's <c>./run</c>. The gateway's per-caller rate limit is lifted:
/// the benchmark is one caller sending thousands of requests a second on purpose.
/// </summary>
public sealed class SuiteHost : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(5);
    private readonly string _state = Path.Combine(Path.GetTempPath(), "cp-bench-" + Guid.NewGuid().ToString("N")[..8]);

    private SuiteHost()
    {
    }

    public DistributedApplication App { get; private set; } = null!;

    public Uri Gateway { get; private set; } = null!;

    public static async Task<SuiteHost> StartAsync()
    {
        var host = new SuiteHost();
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>(
            // One token serves a whole run: access tokens live as long as before production went to five minutes.
            ["Infrastructure:Mode=local", $"Infrastructure:StateDirectory={host._state}", $"Gateway:Port={FreePort()}", "Identity:AccessTokenLifetime=00:30:00"]);
        // The servers' and services' own logs stay in the state folder; the console shows the figures.
        builder.Services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning)
            .AddFilter("CommunityPlatform.AppHost.Resources", LogLevel.None)
            .AddFilter("Microsoft.Extensions.Diagnostics.HealthChecks", LogLevel.None));
        var gateway = builder.Resources.OfType<ProjectResource>().Single(r => r.Name == ResourceNames.Gateway);
        builder.CreateResourceBuilder(gateway)
            .WithEnvironment("Gateway__RequestsPerCaller", "1000000000")
            .WithEnvironment("Gateway__RequestsPerAddress", "1000000000");
        // Request logs at Information would measure the console, not the suite. The testing host runs no dashboard,
        // so telemetry exports would only fail and retry: the suite is measured without exporting telemetry.
        foreach (var project in builder.Resources.OfType<ProjectResource>())
        {
            builder.CreateResourceBuilder(project)
                .WithEnvironment("Logging__LogLevel__Default", "Warning")
                .WithEnvironment(context => context.EnvironmentVariables.Remove("OTEL_EXPORTER_OTLP_ENDPOINT"));
        }

        host.App = await builder.BuildAsync().WaitAsync(StartTimeout);
        await host.App.StartAsync().WaitAsync(StartTimeout);
        await host.App.ResourceNotifications.WaitForResourceHealthyAsync(ResourceNames.Gateway).WaitAsync(StartTimeout);
        host.Gateway = host.App.GetEndpoint(ResourceNames.Gateway, "http");
        return host;
    }

    /// <summary>
    /// Waits until the suite is quiet, so that a measurement measures its own load: for a minute or two after every
    /// service reports healthy the services still seed demo data and JIT-compile (seven services at ~0.4 of a core
    /// each on this machine), and after a load the consumers may still be draining, autovacuum or a checkpoint
    /// running. Quiet means under a quarter of a core over five seconds.
    /// </summary>
    public static async Task SettleAsync(TimeSpan atLeast, TimeSpan atMost)
    {
        var started = DateTime.UtcNow;
        await Task.Delay(atLeast);
        while (true)
        {
            var meter = new CpuMeter();
            await Task.Delay(TimeSpan.FromSeconds(5));
            var cores = meter.Stop().SuiteCores;
            if (cores < 0.25 || DateTime.UtcNow - started > atMost)
            {
                Console.WriteLine($"Suite settled after {(DateTime.UtcNow - started).TotalSeconds:0} s ({cores:0.00} cores busy).");
                return;
            }
        }
    }

    public Uri Service(string resource) => App.GetEndpoint(resource, "http");

    public async Task<string> ConnectionStringAsync(string resource) =>
        await App.GetConnectionStringAsync(resource) ?? throw new InvalidOperationException($"No connection string for {resource}.");

    /// <summary>
    /// A client without retries or a resilience pipeline (each request is measured as sent), signed in as the
    /// secretary. Its pool holds at most 64 connections, as a real client's would: with a cap of 1,024, every stall
    /// under open-loop load opened a new connection for each request that found none free, through Aspire's proxy
    /// into the service, adding work exactly when the suite was behind. Requests beyond the cap wait in the client;
    /// that wait counts in their latency.
    /// </summary>
    public async Task<HttpClient> ClientAsync(Uri baseAddress)
    {
        var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64, PooledConnectionLifetime = TimeSpan.FromMinutes(30) })
        {
            BaseAddress = baseAddress,
            Timeout = TimeSpan.FromSeconds(60),
        };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync());
        return client;
    }

    private async Task<string> TokenAsync()
    {
        using var anonymous = new HttpClient { BaseAddress = Gateway };
        var response = await anonymous.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "password",
            ["client_id"] = "community-cli",
            ["username"] = "secretary",
            ["password"] = "Community@2026",
            ["scope"] = "community-api roles",
        }));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString()!;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (App is not null)
        {
            await App.StopAsync();
            await App.DisposeAsync();
        }

        try
        {
            Directory.Delete(_state, recursive: true);
        }
        catch (IOException)
        {
            // A server's last files may still be closing; the folder is in the temp directory either way.
        }
        catch (UnauthorizedAccessException)
        {
            // Files owned by the servers' own users when run as root; the temp directory is cleaned by the OS.
        }
    }
}
