using CommunityPlatform.Safety.Domain;
using CommunityPlatform.ServiceKit.Domain;

namespace CommunityPlatform.Safety.UnitTests;

/// <summary>Venues, checklists, inspections and hazards as the tests need them, on a fixed clock.</summary>
internal static class TestData
{
    /// <summary>10:00 on 2026-06-10 in the community (UTC+8).</summary>
    public static readonly DateTimeOffset Now = new(2026, 6, 10, 2, 0, 0, TimeSpan.Zero);

    public static readonly DateOnly Today = new(2026, 6, 10);

    public static readonly RectificationDeadlines Deadlines = new();

    /// <summary>This locality's limits as shipped in appsettings.json, for the kinds the tests use.</summary>
    public static SmallVenueThresholds Thresholds() => new()
    {
        Limits = new Dictionary<VenueKind, SizeLimit>
        {
            [VenueKind.SmallRestaurant] = new() { MaxFloorArea = 300, MaxCapacity = 100 },
            [VenueKind.SmallShop] = new() { MaxFloorArea = 300 },
        },
    };

    public static VenueDetails Details(string name = "老王面馆", decimal? floorArea = 80, int? capacity = 30, string? owner = "王建国") =>
        new(name, "幸福路8号", owner, "13800138000", floorArea, capacity, new Dictionary<string, string> { ["燃料类型"] = "液化石油气" });

    public static Venue Restaurant(string grid = "G01") => Venue.Register(Details(), "SmallRestaurant", grid, Thresholds(), Now);

    public static ChecklistItemContent Item(string question, bool evidence = true, string severity = "General", string category = "Fire") =>
        new(category, question, null, evidence, severity);

    /// <summary>Three items: 1 needs a photo (general), 2 needs a photo (major), 3 needs none (general).</summary>
    public static ChecklistTemplate Checklist(params string[] venueKinds) =>
        ChecklistTemplate.Create("test-restaurant", new ChecklistContent("测试检查表", venueKinds.Length == 0 ? ["SmallRestaurant"] : venueKinds,
        [
            Item("安全出口是否畅通"),
            Item("液化气钢瓶是否存放在独立房间", severity: "Major", category: "Gas"),
            Item("从业人员是否持健康证", evidence: false, category: "Food"),
        ]), shipped: false, "office", Now);

    public static Inspection Started(Venue? venue = null, ChecklistTemplate? checklist = null) =>
        Inspection.Start(venue ?? Restaurant(), checklist ?? Checklist(), null, null, "inspector-1", Now);

    public static AnswerContent Pass() => new("Pass", null, null, null, null);

    public static AnswerContent Fail(string? severity = null, DateOnly? deadline = null, bool photo = true) =>
        new("Fail", "不合格", photo ? ["photos/1.jpg"] : null, severity, deadline);

    /// <summary>A hazard opened by item 1 (general) of an inspection completed at <paramref name="at"/>.</summary>
    public static Hazard OpenHazard(DateTimeOffset? at = null, string? severity = null)
    {
        var now = at ?? Now;
        var venue = Restaurant();
        var inspection = Inspection.Start(venue, Checklist(), null, null, "inspector-1", now);
        inspection.Answer(1, Fail(severity), now);
        inspection.Answer(2, Pass(), now);
        inspection.Answer(3, Pass(), now);
        return Assert.Single(inspection.Complete(venue, Deadlines, now));
    }

    public static string RuleOf(Action action) => Assert.Throws<DomainRuleViolationException>(action).Rule;

    public static IReadOnlyCollection<string> FieldsOf(Action action) => Assert.Throws<DomainValidationException>(action).Errors.Keys.ToList();
}
