using CommunityPlatform.DemoCommunity;
using Xunit.Abstractions;

namespace CommunityPlatform.EndToEndTests;

/// <summary>
/// The demo community's ground truth is what the services' statistics answer, figure by figure: the proof that
/// the generator knows what it made, on which the half-year report's own test builds. And the generator run a second
/// time makes nothing new: the same truth, the same statistics.
/// </summary>
[Collection(DemoCommunityCollection.Name)]
public sealed class DemoCommunityTests(DemoCommunityFixture demo, ITestOutputHelper output)
{
    /// <summary>Some figures arrive through the broker (hazards' matters on the grid's board, members' volunteer profiles).</summary>
    private static readonly TimeSpan Settling = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Every_statistics_figure_equals_the_generators_ground_truth()
    {
        output.WriteLine(string.Join(Environment.NewLine, demo.Log));
        output.WriteLine($"generated in {demo.GenerationTime.TotalSeconds:0.0} s; {demo.Truth.Count} figures");
        Assert.True(demo.Truth.Count > 150, $"the truth names only {demo.Truth.Count} figures");

        var differences = await StatisticsCheck.CompareAsync(demo.Gateway, demo.Generator.Period, demo.Truth, Settling, CancellationToken.None);

        Assert.True(differences.Count == 0, "statistics differ from the ground truth:" + Environment.NewLine + string.Join(Environment.NewLine, differences));
    }

    [Fact]
    public async Task A_second_run_returns_the_same_truth_and_leaves_every_statistic_unchanged()
    {
        var before = await StatisticsCheck.CompareAsync(demo.Gateway, demo.Generator.Period, demo.Truth, Settling, CancellationToken.None);
        Assert.Empty(before);

        var again = await new DemoCommunityGenerator(demo.Gateway, demo.Options, output.WriteLine).GenerateAsync();

        Assert.Equal(demo.Truth.OrderBy(t => t.Key), again.OrderBy(t => t.Key));
        var statistics = await StatisticsCheck.ReadAsync(demo.Gateway, demo.Generator.Period, CancellationToken.None);
        Assert.Empty(GroundTruth.Differences(demo.Truth, statistics));
        // Whatever the broker still carries from the second run would show now.
        await Task.Delay(TimeSpan.FromSeconds(5));
        Assert.Empty(GroundTruth.Differences(demo.Truth, await StatisticsCheck.ReadAsync(demo.Gateway, demo.Generator.Period, CancellationToken.None)));
    }
}
