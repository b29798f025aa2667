namespace CommunityPlatform.Benchmarks.Suite;

/// <summary>
/// CPU time spent by the suite during a measurement: everything the machine did (from <c>/proc/stat</c>) minus what
/// this process — the load generator — did. On a machine running nothing else that is the servers, the services and
/// the gateway together, including processes that came and went, so figures can be given per core.
/// </summary>
public sealed class CpuMeter
{
    private static readonly double TicksPerSecond = 100;
    private readonly double _machineStart = MachineBusySeconds();
    private readonly TimeSpan _ownStart = Environment.CpuUsage.TotalTime;
    private readonly DateTime _wallStart = DateTime.UtcNow;

    public CpuUse Stop()
    {
        var machine = MachineBusySeconds() - _machineStart;
        var own = (Environment.CpuUsage.TotalTime - _ownStart).TotalSeconds;
        var wall = (DateTime.UtcNow - _wallStart).TotalSeconds;
        return new CpuUse(Math.Max(0, machine - own), own, wall);
    }

    private static double MachineBusySeconds()
    {
        // cpu  user nice system idle iowait irq softirq steal …
        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(long.Parse).ToArray();
        var busy = fields[0] + fields[1] + fields[2] + fields[5] + fields[6] + (fields.Length > 7 ? fields[7] : 0);
        return busy / TicksPerSecond;
    }
}

/// <summary>CPU seconds of the suite and of the load generator over <paramref name="WallSeconds"/>.</summary>
public readonly record struct CpuUse(double SuiteSeconds, double ClientSeconds, double WallSeconds)
{
    /// <summary>How many cores the suite kept busy on average.</summary>
    public double SuiteCores => WallSeconds == 0 ? 0 : SuiteSeconds / WallSeconds;
}
