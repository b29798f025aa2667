using CommunityPlatform.Grid.Domain;

namespace CommunityPlatform.Grid.Extensions;

/// <summary>The grid service's settings (section <c>Grid</c>).</summary>
public sealed class GridOptions
{
    /// <summary>Days from signing for (签收) to the due date, by category; 信访 follows the 60-day rule of the petition regulations.</summary>
    public Dictionary<MatterCategory, int> MatterDueDays { get; set; } = new()
    {
        [MatterCategory.Dispute] = 15,
        [MatterCategory.Petition] = 60,
        [MatterCategory.ElevatorRetrofit] = 90,
        [MatterCategory.Environment] = 3,
        [MatterCategory.Property] = 7,
        [MatterCategory.Safety] = 7,
        [MatterCategory.Other] = 10,
    };

    /// <summary>The share of a building's households that must consent in a building vote, unless the vote names its own.</summary>
    public string BuildingVoteThreshold { get; set; } = "2/3";

    /// <summary>Sensitive periods (敏感节点) during which care-list visits follow the shorter interval.</summary>
    public List<SensitivePeriod> SensitivePeriods { get; set; } = [];

    /// <summary>How long the reporter has to rate a resolved matter before it closes without a score (12345 allows a few days).</summary>
    public TimeSpan RatingWindow { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How often resolved matters past their rating window are looked for.</summary>
    public TimeSpan MonitorInterval { get; set; } = TimeSpan.FromMinutes(5);

    public int DueDays(MatterCategory category) => MatterDueDays.TryGetValue(category, out var days) ? days : 10;
}
