namespace CommunityPlatform.County.Domain;

/// <summary>
/// One kind of case the county platform may hand down (Open311 <c>service</c>), and the grid matter category
/// (事项类别) it becomes once the community signs for it.
/// </summary>
public sealed record CountyService(string Code, string Name, string Description, string MatterCategory, IReadOnlyList<string> Keywords);

/// <summary>The service codes the county API accepts (<c>GET /api/county/services</c>).</summary>
public static class CountyServices
{
    /// <summary>Open311's group for them: every code becomes a grid matter.</summary>
    public const string Group = "网格事项";

    public static readonly IReadOnlyList<CountyService> All =
    [
        new("dispute", "矛盾纠纷", "邻里、家庭、物业等矛盾纠纷的排查与调解", "Dispute", ["矛盾", "纠纷", "调解"]),
        new("petition", "信访事项", "群众来信来访反映的问题，按信访工作条例办理", "Petition", ["信访", "来信", "来访"]),
        new("elevator-retrofit", "加装电梯", "既有住宅加装电梯的协调与议事", "ElevatorRetrofit", ["电梯", "加装"]),
        new("environment", "环境卫生", "垃圾堆放、卫生死角、占道等环境问题", "Environment", ["环境", "卫生", "垃圾"]),
        new("property", "物业服务", "物业管理与服务方面的问题", "Property", ["物业", "维修"]),
        new("safety", "安全隐患", "消防、燃气、用电、防溺水、地灾等安全隐患", "Safety", ["安全", "隐患", "消防"]),
        new("other", "其他事项", "不属于以上类别、需社区办理的事项", "Other", ["其他"]),
    ];

    public static CountyService? Find(string? code) => All.SingleOrDefault(s => s.Code == code?.Trim());
}
