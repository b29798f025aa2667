namespace CommunityPlatform.Safety.Domain;

/// <summary>What a checklist item, and so a hazard found by it, is about.</summary>
public enum HazardCategory
{
    Fire,
    Electrical,
    Gas,
    Food,
    Drowning,
    Flood,
    Structure,
    Other,
}

public static class HazardCategories
{
    public static readonly IReadOnlyDictionary<HazardCategory, string> Labels = new Dictionary<HazardCategory, string>
    {
        [HazardCategory.Fire] = "消防",
        [HazardCategory.Electrical] = "用电",
        [HazardCategory.Gas] = "燃气",
        [HazardCategory.Food] = "食品",
        [HazardCategory.Drowning] = "防溺水",
        [HazardCategory.Flood] = "防汛/地灾",
        [HazardCategory.Structure] = "建筑结构",
        [HazardCategory.Other] = "其他",
    };
}

/// <summary>一般隐患 or 重大隐患 (for fire, judged by GB 35181-2025).</summary>
public enum HazardSeverity
{
    General,
    Major,
}

public static class HazardSeverities
{
    public static readonly IReadOnlyDictionary<HazardSeverity, string> Labels = new Dictionary<HazardSeverity, string>
    {
        [HazardSeverity.General] = "一般隐患",
        [HazardSeverity.Major] = "重大隐患",
    };
}
