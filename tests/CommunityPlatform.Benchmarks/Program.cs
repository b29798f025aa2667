using CommunityPlatform.Benchmarks;
using CommunityPlatform.Benchmarks.Scenarios;
using CommunityPlatform.Benchmarks.Suite;

// dotnet run --project tests/CommunityPlatform.Benchmarks -c Release -- [--runs 3] [--only B1,B5] [--quick] [--write docs/PERFORMANCE.md]
var options = Options.Parse(args);
IScenario[] all =
[
    new RawRabbitMqBaseline(), new MassTransitBaseline(), new GatewayOverheadRead(), new GatewayOverheadWrite(), new Pipeline(), new RelayDrain(),
    new ResidentList(),
];
var chosen = all.Where(s => options.Only.Count == 0 || options.Only.Contains(s.Id)).ToList();
var settings = Settings.For(options.Quick);

Console.WriteLine($"Starting the suite (AppHost, local mode) for {string.Join(", ", chosen.Select(s => s.Id))}, {options.Runs} run(s)…");
await using var suite = await SuiteHost.StartAsync();
var measurements = new List<Measurement>();
for (var run = 1; run <= options.Runs; run++)
{
    foreach (var scenario in chosen)
    {
        // Start-up (seeding, JIT) and whatever the last scenario left behind (consumers draining, autovacuum) finish first.
        await SuiteHost.SettleAsync(TimeSpan.FromSeconds(2), TimeSpan.FromMinutes(4));
        Console.WriteLine($"run {run}/{options.Runs}: {scenario.Id} {scenario.What}");
        var figures = await scenario.RunAsync(suite, settings);
        foreach (var figure in figures)
        {
            Console.WriteLine($"  {figure.Metric,-32} {figure.Value,12:0.00} {figure.Unit}");
        }

        measurements.AddRange(figures);
    }
}

var report = PerformanceReport.Of(chosen, measurements, options);
Console.WriteLine();
Console.WriteLine(report.Table());
if (options.Write is { } path)
{
    await File.WriteAllTextAsync(path, report.Markdown() + await HandWrittenFindingsAsync(path));
    Console.WriteLine($"Wrote {path}");
}

// The findings below the tool's tables are written by hand after a run; a new run replaces the tables, not them.
static async Task<string> HandWrittenFindingsAsync(string path)
{
    const string heading = "## Findings";
    var existing = File.Exists(path) ? await File.ReadAllTextAsync(path) : "";
    var at = existing.IndexOf(heading, StringComparison.Ordinal);
    return at < 0 ? "" : Environment.NewLine + existing[at..];
}
