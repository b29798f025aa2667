extern alias apphost;

using System.Diagnostics;
using CommunityPlatform.DemoCommunity;
using CommunityPlatform.ServiceDefaults;
using CommunityPlatform.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CommunityPlatform.EndToEndTests;

/// <summary>
/// A suite of its own — the real AppHost in a scratch state folder, the gateway on a free port — holding nothing but
/// the small demo community, generated once: the shared suite's other tests add records that would change its figures.
/// </summary>
public sealed class DemoCommunityFixture : IAsyncLifetime
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(5);
    private readonly string _state = Path.Combine(Path.GetTempPath(), "cp-demo-" + Guid.NewGuid().ToString("N")[..8]);

    /// <summary>The small community; <c>DEMO_COMMUNITY_SCALE=full</c> runs the same proof on the real community's figures (minutes, not seconds).</summary>
    public DemoCommunityOptions Options { get; } = new()
    {
        Seed = 7,
        Scale = Environment.GetEnvironmentVariable("DEMO_COMMUNITY_SCALE") is { } scale ? Enum.Parse<DemoScale>(scale, ignoreCase: true) : DemoScale.Small,
    };

    public DistributedApplication App { get; private set; } = null!;

    /// <summary>The gateway, without a token: the generator signs in as the demo accounts itself.</summary>
    public HttpClient Gateway { get; private set; } = null!;

    public DemoCommunityGenerator Generator { get; private set; } = null!;

    /// <summary>What the first generation returned.</summary>
    public IReadOnlyDictionary<string, decimal> Truth { get; private set; } = null!;

    public TimeSpan GenerationTime { get; private set; }

    /// <summary>The generator's progress lines, for the tests to show.</summary>
    public List<string> Log { get; } = [];

    public async Task InitializeAsync()
    {
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<apphost::Projects.AppHost>(
            ["Infrastructure:Mode=local", $"Infrastructure:StateDirectory={_state}", $"Gateway:Port={Ports.Free()}"]);
        builder.Services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        builder.Services.ConfigureHttpClientDefaults(http => http.ConfigureHttpClient(client => client.Timeout = TimeSpan.FromMinutes(2)));

        App = await builder.BuildAsync().WaitAsync(StartTimeout);
        await App.StartAsync().WaitAsync(StartTimeout);
        await App.ResourceNotifications.WaitForResourceHealthyAsync(ResourceNames.Gateway).WaitAsync(StartTimeout);
        Gateway = App.CreateHttpClient(ResourceNames.Gateway, "http");

        Generator = new DemoCommunityGenerator(Gateway, Options, line =>
        {
            lock (Log)
            {
                Log.Add(line);
            }
        });
        var watch = Stopwatch.StartNew();
        Truth = await Generator.GenerateAsync();
        GenerationTime = watch.Elapsed;
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

/// <summary>Run alone: a second suite booting beside the shared one would slow both past their timeouts on two cores.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class DemoCommunityCollection : ICollectionFixture<DemoCommunityFixture>
{
    public const string Name = "demo-community";
}
