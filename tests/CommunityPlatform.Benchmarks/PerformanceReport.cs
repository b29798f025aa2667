using System.Globalization;
using System.Text;
using CommunityPlatform.Benchmarks.Scenarios;

namespace CommunityPlatform.Benchmarks;

/// <summary>The medians of every figure over the runs, the targets they are judged against, as a table and as docs/PERFORMANCE.md.</summary>
public sealed class PerformanceReport
{
    private readonly IReadOnlyList<IScenario> _scenarios;
    private readonly Dictionary<(string Id, string Metric), (double Median, string Unit, int Runs)> _medians;
    private readonly Options _options;

    private PerformanceReport(IReadOnlyList<IScenario> scenarios, Dictionary<(string, string), (double, string, int)> medians, Options options) =>
        (_scenarios, _medians, _options) = (scenarios, medians, options);

    public static PerformanceReport Of(IReadOnlyList<IScenario> scenarios, IEnumerable<Measurement> measurements, Options options) =>
        new(scenarios, measurements.GroupBy(m => (m.Id, m.Metric)).ToDictionary(g => g.Key, g => (Median(g.Select(m => m.Value)), g.First().Unit, g.Count())), options);

    public string Table()
    {
        var text = new StringBuilder();
        foreach (var scenario in _scenarios)
        {
            text.AppendLine($"{scenario.Id}  {scenario.What}");
            foreach (var ((id, metric), (median, unit, _)) in _medians.Where(m => m.Key.Id == scenario.Id))
            {
                text.AppendLine($"      {metric,-34} {Format(median),12} {unit}");
            }
        }

        text.AppendLine();
        foreach (var verdict in Verdicts())
        {
            text.AppendLine($"{verdict.Id}  {(verdict.Met is null ? "n/a" : verdict.Met.Value ? "met" : "MISSED"),-6} {verdict.Target} — measured {verdict.Measured}");
        }

        return text.ToString();
    }

    public string Markdown()
    {
        var md = new StringBuilder();
        md.AppendLine("# Performance");
        md.AppendLine();
        md.AppendLine($"Measured {DateTime.UtcNow:yyyy-MM-dd} by `tests/CommunityPlatform.Benchmarks`, on {Machine()}, with");
        md.AppendLine();
        md.AppendLine("```bash");
        md.AppendLine($"dotnet run --project tests/CommunityPlatform.Benchmarks -c Release -- {_options.CommandLine}".TrimEnd());
        md.AppendLine("```");
        md.AppendLine();
        md.AppendLine($"Each figure is the median of {(_options.Quick ? "one quick run (not for publishing)" : $"{_options.Runs} runs")}. The suite is the real AppHost in local mode:");
        md.AppendLine("PostgreSQL 15 and RabbitMQ 3.10 as local processes, every service and the gateway as its own process, the load");
        md.AppendLine("generator in a further process on the same two cores. Each scenario, and each rate of B5, starts once the suite is");
        md.AppendLine("quiet (under a quarter of a core busy), and each scenario warms its path up first. Load is open-loop at a fixed rate");
        md.AppendLine("(latency counted from when each request was due) through a client pool of at most 64 connections; max rates come");
        md.AppendLine("from a closed loop of 32 callers (128 for the broker baselines). \"Suite cores\" is the CPU time of everything on");
        md.AppendLine("the machine except the load generator, divided by the wall time; the \"cores …: process\" figures split it by");
        md.AppendLine("program (all PostgreSQL backends as `postgres`). Services run as built (the configuration of the command);");
        md.AppendLine("telemetry is not exported during the runs (the testing host has no dashboard to receive it); requests pass");
        md.AppendLine("through Aspire's local proxies (`dcp`) as they do under `./run`.");
        md.AppendLine();
        md.AppendLine("## Targets");
        md.AppendLine();
        md.AppendLine("| id | target on 2 cores | measured | verdict |");
        md.AppendLine("|---|---|---|---|");
        foreach (var verdict in Verdicts())
        {
            md.AppendLine($"| {verdict.Id} | {verdict.Target} | {verdict.Measured} | {(verdict.Met is null ? "baseline" : verdict.Met.Value ? "met" : "**missed**")} |");
        }

        md.AppendLine();
        md.AppendLine("## Every figure");
        md.AppendLine();
        md.AppendLine("| id | what | figure | median | unit |");
        md.AppendLine("|---|---|---|---:|---|");
        foreach (var scenario in _scenarios)
        {
            foreach (var ((id, metric), (median, unit, _)) in _medians.Where(m => m.Key.Id == scenario.Id))
            {
                md.AppendLine($"| {id} | {scenario.What} | {metric} | {Format(median)} | {unit} |");
            }
        }

        return md.ToString();
    }

    private IEnumerable<Verdict> Verdicts()
    {
        double? Get(string id, string metric) => _medians.TryGetValue((id, metric), out var m) ? m.Median : null;
        var b2 = Get("B2", "max rate");

        if (Get("B1", "max rate") is { } b1)
        {
            yield return new Verdict("B1", "baseline", $"{Format(b1)} msg/s", null);
        }

        if (b2 is { } b2Rate)
        {
            yield return new Verdict("B2", "baseline", $"{Format(b2Rate)} msg/s", null);
        }

        foreach (var id in new[] { "B3", "B4" })
        {
            if (Get(id, "gateway adds at p50") is { } p50 && Get(id, "gateway adds at p99") is { } p99)
            {
                yield return new Verdict(id, "gateway adds ≤ 1 ms p50 and ≤ 5 ms p99 at half of max rate", $"{Signed(p50)} ms p50, {Signed(p99)} ms p99", p50 <= 1 && p99 <= 5);
            }
        }

        if (Get("B4", "gateway/direct max rate") is { } ratio)
        {
            yield return new Verdict("B4", "max write rate through the gateway ≥ 85 % of direct", $"{ratio:P0}", ratio >= 0.85);
        }

        if (Get("B5", "max sustained rate") is { } sustained)
        {
            yield return new Verdict("B5", "≥ 500 events/s sustained", $"{Format(sustained)} events/s", sustained >= 500);
            if (b2 is { } b2ForB5)
            {
                yield return new Verdict("B5", "≥ 30 % of B2", $"{sustained / b2ForB5:P0} of B2", sustained / b2ForB5 >= 0.30);
            }

            if (Get("B5", "p50 at half of max") is { } p50 && Get("B5", "p99 at half of max") is { } p99)
            {
                yield return new Verdict("B5", "at half of max rate p50 ≤ 15 ms, p99 ≤ 100 ms", $"p50 {Format(p50)} ms, p99 {Format(p99)} ms", p50 <= 15 && p99 <= 100);
            }
        }

        if (Get("B6", "drain rate") is { } drain)
        {
            yield return new Verdict("B6", "≥ 2,000 msg/s", $"{Format(drain)} msg/s", drain >= 2000);
            if (b2 is { } b2ForB6)
            {
                yield return new Verdict("B6", "≥ 50 % of B2", $"{drain / b2ForB6:P0} of B2", drain / b2ForB6 >= 0.5);
            }
        }

        if (Get("B7", "p99") is { } b7)
        {
            yield return new Verdict("B7", "p99 ≤ 20 ms at 200 req/s", $"p99 {Format(b7)} ms", b7 <= 20);
        }
    }

    private static string Machine()
    {
        var cpu = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown CPU";
        var memory = File.ReadLines("/proc/meminfo").First().Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
        return $"{Environment.ProcessorCount} cores ({cpu}), {long.Parse(memory, CultureInfo.InvariantCulture) / 1024 / 1024} GiB, .NET {Environment.Version}, no containers";
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static string Signed(double value) => (value < 0 ? "−" : "+") + Format(Math.Abs(value));

    private static string Format(double value) => value.ToString(Math.Abs(value) >= 100 ? "#,0" : "0.00", CultureInfo.InvariantCulture);

    private sealed record Verdict(string Id, string Target, string Measured, bool? Met);
}
