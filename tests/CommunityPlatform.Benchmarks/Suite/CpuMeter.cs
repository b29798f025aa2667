namespace CommunityPlatform.Benchmarks.Suite;

/// <summary>
/// CPU time spent by the suite during a measurement: everything the machine did (from <c>/proc/stat</c>) minus what
/// this process — the load generator — did. On a machine running nothing else that is the servers, the services and
/// the gateway together, including processes that came and went, so figures can be given per core. It also keeps
/// each process's share (from <c>/proc/[pid]/stat</c>), which is where a profile starts.
/// </summary>
public sealed class CpuMeter
{
    private const double TicksPerSecond = 100;
    private readonly double _machineStart = MachineBusySeconds();
    private readonly TimeSpan _ownStart = Environment.CpuUsage.TotalTime;
    private readonly DateTime _wallStart = DateTime.UtcNow;
    private readonly Dictionary<int, (string Name, long Ticks)> _processesStart = Processes();

    public CpuUse Stop()
    {
        var machine = MachineBusySeconds() - _machineStart;
        var own = (Environment.CpuUsage.TotalTime - _ownStart).TotalSeconds;
        var wall = (DateTime.UtcNow - _wallStart).TotalSeconds;
        var byProcess = Processes()
            .Select(p => (p.Value.Name, Seconds: (p.Value.Ticks - (_processesStart.TryGetValue(p.Key, out var start) ? start.Ticks : 0)) / TicksPerSecond))
            .Where(p => p.Seconds > 0 && p.Name != "CommunityPlatform.Benchmarks")
            .GroupBy(p => p.Name, (name, processes) => (name, processes.Sum(p => p.Seconds)))
            .OrderByDescending(p => p.Item2)
            .ToDictionary(p => p.name, p => p.Item2);
        return new CpuUse(Math.Max(0, machine - own), own, wall, byProcess);
    }

    private static double MachineBusySeconds()
    {
        // cpu  user nice system idle iowait irq softirq steal …
        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(long.Parse).ToArray();
        var busy = fields[0] + fields[1] + fields[2] + fields[5] + fields[6] + (fields.Length > 7 ? fields[7] : 0);
        return busy / TicksPerSecond;
    }

    /// <summary>User plus system ticks of every process now running, by pid, with its program's name.</summary>
    private static Dictionary<int, (string Name, long Ticks)> Processes()
    {
        var processes = new Dictionary<int, (string, long)>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out var pid))
            {
                continue;
            }

            try
            {
                // pid (comm) state ppid … utime(14) stime(15): comm may hold spaces, so fields count from its ')'.
                var stat = File.ReadAllText(Path.Combine(directory, "stat"));
                var close = stat.LastIndexOf(')');
                var fields = stat[(close + 2)..].Split(' ');
                // The kernel's name is cut at 15 characters; the program's file name tells the services apart.
                var program = File.ReadAllText(Path.Combine(directory, "cmdline")).Split('\0')[0];
                var name = program.Length > 0 ? Path.GetFileName(program) : stat[(stat.IndexOf('(') + 1)..close];
                // PostgreSQL renames each backend after its connection ("postgres: postgres griddb 127.0.0.1(…) idle").
                name = name.StartsWith("postgres:", StringComparison.Ordinal) ? "postgres" : name;
                processes[pid] = (name, long.Parse(fields[11]) + long.Parse(fields[12]));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // The process ended between listing and reading.
            }
        }

        return processes;
    }
}

/// <summary>CPU seconds of the suite and of the load generator over <paramref name="WallSeconds"/>, and of each process by name.</summary>
public readonly record struct CpuUse(double SuiteSeconds, double ClientSeconds, double WallSeconds, IReadOnlyDictionary<string, double> ByProcess)
{
    /// <summary>How many cores the suite kept busy on average.</summary>
    public double SuiteCores => WallSeconds == 0 ? 0 : SuiteSeconds / WallSeconds;

    /// <summary>The cores each of the busiest processes kept busy, as figures for the report ("Membership.Api" 0.34).</summary>
    public IEnumerable<Scenarios.Measurement> Processes(string id, string during, int count = 6)
    {
        var wall = WallSeconds;
        return ByProcess.Take(count).Select(p => new Scenarios.Measurement(id, $"{during}: {p.Key.Replace("CommunityPlatform.", "")}", p.Value / wall, "cores"));
    }

    /// <summary>The busiest processes as "name 0.42" (cores), for the console while a benchmark runs.</summary>
    public string Busiest(int count = 6)
    {
        var wall = WallSeconds;
        return string.Join(", ", ByProcess.Take(count).Select(p => $"{p.Key.Replace("CommunityPlatform.", "")} {p.Value / wall:0.00}"));
    }
}
