using CommunityPlatform.DemoCommunity.Gateway;

namespace CommunityPlatform.DemoCommunity;

/// <summary>
/// Reads each service's statistics for the period through the gateway and compares them with the ground truth,
/// reading again until they agree or the time is up: some figures arrive through the broker (the matters hazards
/// open on the grid's board, the party members' volunteer profiles) a moment after the write that causes them.
/// </summary>
public static class StatisticsCheck
{
    /// <summary>The statistics of every service for the period, flattened as the ground truth is keyed.</summary>
    public static async Task<IReadOnlyDictionary<string, decimal>> ReadAsync(HttpClient gateway, DemoPeriod period, CancellationToken cancellationToken)
    {
        var secretary = new GatewayClient(gateway).As("secretary");
        var figures = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var service in GroundTruth.Services)
        {
            var statistics = await secretary.GetAsync($"/api/{service}/statistics?from={period.From8601}&to={period.To8601}", cancellationToken);
            foreach (var (key, value) in GroundTruth.Flatten(service, statistics))
            {
                figures[key] = value;
            }
        }

        return figures;
    }

    /// <summary>The differences left when the statistics stopped changing towards the truth, or when <paramref name="timeout"/> ran out; none when they agree.</summary>
    public static async Task<IReadOnlyList<string>> CompareAsync(
        HttpClient gateway, DemoPeriod period, IReadOnlyDictionary<string, decimal> truth, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTimeOffset.UtcNow + timeout;
        while (true)
        {
            var differences = GroundTruth.Differences(truth, await ReadAsync(gateway, period, cancellationToken));
            if (differences.Count == 0 || DateTimeOffset.UtcNow > deadline)
            {
                return differences;
            }

            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
        }
    }
}
