using System.Diagnostics;
using CommunityPlatform.DemoCommunity.Gateway;
using CommunityPlatform.DemoCommunity.Phases;
using CommunityPlatform.DemoCommunity.Planning;

namespace CommunityPlatform.DemoCommunity;

/// <summary>
/// Makes a demo community shaped like the real one (its half-year work report's figures) through the gateway's
/// public API, as the demo accounts, so every write goes through the real validation, policies and events. The same
/// options give the same community; a second run finds what exists and makes only what is missing.
/// </summary>
/// <example>
/// <code>var truth = await new DemoCommunityGenerator(gatewayClient, new DemoCommunityOptions { Seed = 7, Scale = DemoScale.Small }).GenerateAsync(ct);</code>
/// </example>
public sealed class DemoCommunityGenerator(HttpClient gateway, DemoCommunityOptions options, Action<string>? log = null)
{
    /// <summary>A generator calling the gateway at <paramref name="gatewayAddress"/>.</summary>
    public DemoCommunityGenerator(Uri gatewayAddress, DemoCommunityOptions options, Action<string>? log = null)
        : this(new HttpClient { BaseAddress = gatewayAddress, Timeout = TimeSpan.FromMinutes(2) }, options, log)
    {
    }

    /// <summary>The reporting period the activity was entered for, as <c>from</c> and <c>to</c> of the statistics.</summary>
    public DemoPeriod Period { get; } = DemoPeriod.Of(options);

    /// <summary>
    /// Generates the community and returns the ground truth: every statistics figure it predicts, keyed by service and
    /// JSON path (see <see cref="GroundTruth"/>), counted from its own plan.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, decimal>> GenerateAsync(CancellationToken cancellationToken = default)
    {
        var plan = CommunityPlan.Make(options with { Time = new FixedClock(Period.Now) });
        var watch = Stopwatch.StartNew();
        var client = new GatewayClient(gateway);
        var run = new Run(client, plan, message => log?.Invoke($"[{watch.Elapsed:mm\\:ss}] {message}"), cancellationToken);
        run.Log($"demo community, seed {options.Seed}, {options.Scale} scale, {Period.Year}-H{Period.Half} ({Period.From8601} to {Period.To8601}), gateway {gateway.BaseAddress}");
        await client.WaitUntilHealthyAsync(TimeSpan.FromMinutes(5), cancellationToken);
        run.Log("the suite is healthy");

        // The party register and the places first; then what names members, grids and partner units.
        await Task.WhenAll(MembershipPhase.RunAsync(run), GridPhase.PlacesAsync(run));
        await Task.WhenAll(SafetyPhase.RunAsync(run), GridPhase.ActivityAsync(run), VolunteerPhase.RunAsync(run));

        run.Log($"done in {watch.Elapsed.TotalSeconds:0.0} s");
        return plan.Truth(run.LivePatrol);
    }

    /// <summary>
    /// The ground truth a run would return, without calling the suite: for looking at the figures before generating.
    /// It assumes today's patrol can be made (it cannot in the last two hours of the day, or for a past half year).
    /// </summary>
    public IReadOnlyDictionary<string, decimal> Predict() =>
        CommunityPlan.Make(options with { Time = new FixedClock(Period.Now) }).Truth(livePatrol: Period.To == Period.Today);

    /// <summary>One "now" for the whole run, so the plan and every date it writes agree.</summary>
    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
