namespace CommunityPlatform.Benchmarks.Scenarios;

/// <summary>One figure of one benchmark in one run, e.g. B3 "gateway p99 at half rate" = 4.1 ms.</summary>
public sealed record Measurement(string Id, string Metric, double Value, string Unit);

/// <summary>A benchmark of the table in docs/PERFORMANCE.md.</summary>
public interface IScenario
{
    string Id { get; }

    string What { get; }

    Task<IReadOnlyList<Measurement>> RunAsync(Suite.SuiteHost suite, Settings settings);
}

/// <summary>How long each phase runs; <c>--quick</c> shortens them for a smoke run whose figures are not published.</summary>
public sealed record Settings(TimeSpan Saturation, TimeSpan Steady, int Workers, bool Quick)
{
    public static Settings For(bool quick) => quick
        ? new Settings(TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(4), 32, true)
        : new Settings(TimeSpan.FromSeconds(8), TimeSpan.FromSeconds(12), 32, false);
}
