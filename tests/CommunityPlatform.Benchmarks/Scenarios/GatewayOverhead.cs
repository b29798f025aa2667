using System.Net;
using System.Net.Http.Json;
using CommunityPlatform.Benchmarks.Load;
using CommunityPlatform.Benchmarks.Suite;
using CommunityPlatform.ServiceDefaults;

namespace CommunityPlatform.Benchmarks.Scenarios;

/// <summary>
/// What the gateway costs: the same endpoint called on the service's own address and through the gateway. The max
/// rate of each comes from a closed loop; latencies are compared at half the gateway's max rate, the same offered
/// load for both paths.
/// </summary>
public abstract class GatewayOverhead : IScenario
{
    public abstract string Id { get; }

    public abstract string What { get; }

    protected abstract string Service { get; }

    public async Task<IReadOnlyList<Measurement>> RunAsync(SuiteHost suite, Settings settings)
    {
        using var gateway = await suite.ClientAsync(suite.Gateway);
        using var direct = await suite.ClientAsync(suite.Service(Service));
        await PrepareAsync(gateway);

        await LoadDriver.SaturateAsync(settings.Workers, TimeSpan.FromSeconds(2), i => CallAsync(direct, i));
        await LoadDriver.SaturateAsync(settings.Workers, TimeSpan.FromSeconds(2), i => CallAsync(gateway, i));
        var directMax = await LoadDriver.SaturateAsync(settings.Workers, settings.Saturation, i => CallAsync(direct, i));
        var cpu = new CpuMeter();
        var gatewayMax = await LoadDriver.SaturateAsync(settings.Workers, settings.Saturation, i => CallAsync(gateway, i));
        var use = cpu.Stop();

        var half = gatewayMax.AchievedRate / 2;
        var directHalf = await LoadDriver.OpenLoopAsync(half, settings.Steady, i => CallAsync(direct, i));
        var gatewayHalf = await LoadDriver.OpenLoopAsync(half, settings.Steady, i => CallAsync(gateway, i));
        return
        [
            new(Id, "direct max rate", directMax.AchievedRate, "req/s"),
            new(Id, "gateway max rate", gatewayMax.AchievedRate, "req/s"),
            new(Id, "gateway/direct max rate", gatewayMax.AchievedRate / directMax.AchievedRate, "ratio"),
            new(Id, "suite cores at gateway max", use.SuiteCores, "cores"),
            new(Id, "half rate", half, "req/s"),
            new(Id, "direct p50 at half rate", directHalf.P50, "ms"),
            new(Id, "gateway p50 at half rate", gatewayHalf.P50, "ms"),
            new(Id, "direct p99 at half rate", directHalf.P99, "ms"),
            new(Id, "gateway p99 at half rate", gatewayHalf.P99, "ms"),
            new(Id, "gateway adds at p50", gatewayHalf.P50 - directHalf.P50, "ms"),
            new(Id, "gateway adds at p99", gatewayHalf.P99 - directHalf.P99, "ms"),
            new(Id, "failed requests", directMax.Failed + gatewayMax.Failed + directHalf.Failed + gatewayHalf.Failed, "count"),
            .. use.Processes(Id, "cores at gateway max"),
        ];
    }

    protected virtual Task PrepareAsync(HttpClient gateway) => Task.CompletedTask;

    protected abstract Task<bool> CallAsync(HttpClient client, long sequence);
}

/// <summary>B3: a read — the grid list, from the grid service's database.</summary>
public sealed class GatewayOverheadRead : GatewayOverhead
{
    public override string Id => "B3";

    public override string What => "read (GET /api/grid/grids) direct vs through the gateway";

    protected override string Service => ResourceNames.GridApi;

    protected override async Task<bool> CallAsync(HttpClient client, long sequence)
    {
        using var response = await client.GetAsync("/api/grid/grids?limit=20");
        return response.StatusCode == HttpStatusCode.OK;
    }
}

/// <summary>B4: a database-backed write — recording a patrol in the safety service.</summary>
public sealed class GatewayOverheadWrite : GatewayOverhead
{
    private const string Grid = "BENCH-W";

    public override string Id => "B4";

    public override string What => "write (POST /api/safety/patrols) direct vs through the gateway";

    protected override string Service => ResourceNames.SafetyApi;

    protected override async Task PrepareAsync(HttpClient gateway)
    {
        using var created = await gateway.PostAsJsonAsync("/api/grid/grids", new { code = Grid, name = "压测网格" });
        // The grid reaches safety through the broker; the first accepted patrol says it has.
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!await CallAsync(gateway, 0))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException("The safety service never learned the benchmark's grid.");
            }

            await Task.Delay(200);
        }
    }

    protected override async Task<bool> CallAsync(HttpClient client, long sequence)
    {
        using var response = await client.PostAsJsonAsync("/api/safety/patrols", new
        {
            gridCode = Grid, kind = "General", patrolledAt = DateTimeOffset.UtcNow.AddSeconds(-1), route = $"压测路线 {sequence}", participants = 2,
        });
        return response.StatusCode == HttpStatusCode.Created;
    }
}
