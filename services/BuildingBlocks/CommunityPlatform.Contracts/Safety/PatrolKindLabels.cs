namespace CommunityPlatform.Contracts.Safety;

/// <summary>
/// The Chinese names of the patrol kinds <see cref="PatrolQuotaMissed.PatrolKind"/> carries: the codes are part of
/// the contract, so their labels are too, and a consumer shows the same name the safety service does.
/// </summary>
public static class PatrolKindLabels
{
    public static readonly IReadOnlyDictionary<string, string> ByCode = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["ForestFire"] = "森林防火巡查",
        ["Environment"] = "环境巡查",
        ["Flood"] = "防汛巡查",
        ["Drowning"] = "防溺水巡查",
        ["Fire"] = "消防巡查",
        ["General"] = "综合巡查",
    };

    /// <summary>The label of <paramref name="code"/>, or the code itself for a kind this build does not know yet.</summary>
    public static string Of(string code) => ByCode.GetValueOrDefault(code, code);
}
