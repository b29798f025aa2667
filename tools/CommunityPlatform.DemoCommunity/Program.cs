using System.Globalization;
using CommunityPlatform.DemoCommunity;
using CommunityPlatform.DemoCommunity.Gateway;

// dotnet run --project tools/CommunityPlatform.DemoCommunity -- [--gateway URL] [--seed N] [--scale full|small] [--year Y --half 1|2]
//                                                               [--truth FILE] [--verify] [--dry-run]
// Under the AppHost (./run --demo) the gateway's address comes from service discovery's environment variable.
const string Usage = "usage: CommunityPlatform.DemoCommunity [--gateway URL] [--seed N] [--scale full|small] [--year YYYY --half 1|2] [--truth FILE] [--verify] [--dry-run]";

var arguments = new Dictionary<string, string>(StringComparer.Ordinal);
for (var i = 0; i < args.Length; i++)
{
    if (args[i] is "--verify" or "--dry-run")
    {
        arguments[args[i]] = "true";
    }
    else if (args[i].StartsWith("--", StringComparison.Ordinal) && i + 1 < args.Length)
    {
        arguments[args[i]] = args[++i];
    }
    else
    {
        Console.Error.WriteLine(Usage);
        return 2;
    }
}

var gateway = new Uri(arguments.GetValueOrDefault("--gateway")
    ?? Environment.GetEnvironmentVariable("services__gateway__http__0")
    ?? "http://localhost:8080");
DemoCommunityOptions options;
try
{
    options = new DemoCommunityOptions
    {
        Seed = int.Parse(arguments.GetValueOrDefault("--seed", "2026"), CultureInfo.InvariantCulture),
        Scale = Enum.Parse<DemoScale>(arguments.GetValueOrDefault("--scale", "full"), ignoreCase: true),
        Year = arguments.TryGetValue("--year", out var year) ? int.Parse(year, CultureInfo.InvariantCulture) : null,
        Half = arguments.TryGetValue("--half", out var half) ? int.Parse(half, CultureInfo.InvariantCulture) : null,
    };
}
catch (FormatException)
{
    Console.Error.WriteLine(Usage);
    return 2;
}
catch (ArgumentException)
{
    Console.Error.WriteLine(Usage);
    return 2;
}

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};

try
{
    using var http = new HttpClient { BaseAddress = gateway, Timeout = TimeSpan.FromMinutes(2) };
    var generator = new DemoCommunityGenerator(http, options, Console.WriteLine);
    if (arguments.ContainsKey("--dry-run"))
    {
        Console.WriteLine(GroundTruth.ToJson(generator.Predict()));
        return 0;
    }

    var truth = await generator.GenerateAsync(cancellation.Token);
    if (arguments.TryGetValue("--truth", out var file))
    {
        await File.WriteAllTextAsync(file, GroundTruth.ToJson(truth), cancellation.Token);
        Console.WriteLine($"ground truth: {truth.Count} figures written to {file}");
    }

    if (arguments.ContainsKey("--verify"))
    {
        var differences = await StatisticsCheck.CompareAsync(http, generator.Period, truth, TimeSpan.FromMinutes(2), cancellation.Token);
        Console.WriteLine(differences.Count == 0
            ? $"statistics: all {truth.Count} figures equal the ground truth"
            : $"statistics: {differences.Count} figures differ from the ground truth:{Environment.NewLine}  " + string.Join(Environment.NewLine + "  ", differences));
        if (differences.Count > 0)
        {
            return 1;
        }
    }

    // The gateway's sign-in, then the half-year report: one address a person opens in a browser.
    var report = new Uri(gateway, $"/login?returnUrl={Uri.EscapeDataString($"/api/reports/half-year?year={generator.Period.Year}&half={generator.Period.Half}")}");
    Console.WriteLine();
    Console.WriteLine($"The demo community's half-year work report — open in a browser and sign in as secretary / Community@2026:");
    Console.WriteLine($"  {report}");
    return 0;
}
catch (Exception failure) when (failure is DemoGenerationException or TimeoutException or HttpRequestException)
{
    Console.Error.WriteLine($"error: {failure.Message}");
    return 1;
}
catch (OperationCanceledException)
{
    Console.Error.WriteLine("cancelled");
    return 130;
}
