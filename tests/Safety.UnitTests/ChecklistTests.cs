using CommunityPlatform.Safety.Domain;
using CommunityPlatform.Safety.Infrastructure;
using static CommunityPlatform.Safety.UnitTests.TestData;

namespace CommunityPlatform.Safety.UnitTests;

public sealed class ChecklistTests
{
    private static ChecklistContent Content(params ChecklistItemContent[] items) => new("小餐饮检查表", ["小餐饮", "SmallRestaurant"], items);

    [Fact]
    public void A_checklist_starts_at_version_one_numbering_its_items_and_reading_chinese_labels()
    {
        var checklist = ChecklistTemplate.Create(" small-restaurant-2026 ", Content(
            Item("安全出口是否畅通", category: "消防", severity: "一般隐患"),
            Item("燃气管道是否为金属管", category: "燃气", severity: "重大隐患")), shipped: false, "office", Now);

        Assert.Equal(("small-restaurant-2026", 1, false), (checklist.Code, checklist.Version, checklist.Shipped));
        Assert.Equal(["SmallRestaurant"], checklist.VenueKinds);
        Assert.Equal([(1, HazardCategory.Fire, HazardSeverity.General), (2, HazardCategory.Gas, HazardSeverity.Major)],
            checklist.Items.Select(i => (i.Number, i.Category, i.SeverityIfFailed)));
        Assert.True(checklist.AppliesTo(VenueKind.SmallRestaurant));
        Assert.False(checklist.AppliesTo(VenueKind.SmallShop));
    }

    [Theory]
    [InlineData("Small-Restaurant")]
    [InlineData("small_restaurant")]
    [InlineData("-small")]
    [InlineData("small--restaurant")]
    [InlineData("")]
    [InlineData("a-code-that-is-far-too-long-for-the-register-x")]
    public void A_code_is_lower_case_words_joined_by_hyphens(string code) =>
        Assert.Contains("code", FieldsOf(() => ChecklistTemplate.Create(code, Content(Item("问题")), false, "o", Now)));

    [Fact]
    public void Every_item_is_validated_and_named_by_its_index()
    {
        var fields = FieldsOf(() => ChecklistTemplate.Create("ok", new ChecklistContent(" ", ["大商场"],
        [
            new ChecklistItemContent("Noise", "问题", null, true, "General"),
            new ChecklistItemContent("Fire", " ", new string('说', 301), true, "Critical"),
        ]), false, "o", Now));

        Assert.Equal(["items[0].category", "items[1].guidance", "items[1].question", "items[1].severityIfFailed", "name", "venueKinds[0]"], fields.Order());
    }

    [Fact]
    public void A_checklist_holds_between_one_and_sixty_items()
    {
        Assert.Equal(["items"], FieldsOf(() => ChecklistTemplate.Create("empty", Content(), false, "o", Now)));
        Assert.Equal(["items"], FieldsOf(() => ChecklistTemplate.Create("none", new ChecklistContent("表", null, null), false, "o", Now)));
        Assert.Equal(["items"], FieldsOf(() => ChecklistTemplate.Create("long", Content([.. Enumerable.Range(1, 61).Select(i => Item($"问题{i}"))]), false, "o", Now)));
        Assert.Equal(60, ChecklistTemplate.Create("full", Content([.. Enumerable.Range(1, 60).Select(i => Item($"问题{i}"))]), false, "o", Now).Items.Count);
    }

    [Fact]
    public void A_new_version_keeps_the_code_counts_up_and_leaves_the_old_one_as_it_was()
    {
        var first = ChecklistTemplate.Create("small-shop", Content(Item("旧问题")), shipped: true, "system", Now);

        var second = first.NextVersion(new ChecklistContent("小商店检查表（2026版）", ["SmallShop"], [Item("新问题一"), Item("新问题二")]), "office", Now.AddDays(1));
        var third = second.NextVersion(new ChecklistContent("第三版", null, [Item("第三版问题")]), "office", Now.AddDays(2));

        Assert.Equal(("small-shop", 2, false, "office"), (second.Code, second.Version, second.Shipped, second.CreatedBy));
        Assert.NotEqual(first.Id, second.Id);
        Assert.Equal(["新问题一", "新问题二"], second.Items.Select(i => i.Question));
        Assert.Equal([1, 2], second.Items.Select(i => i.Number));
        Assert.Equal(3, third.Version);
        Assert.Empty(third.VenueKinds);
        Assert.Equal((1, true, "旧问题"), (first.Version, first.Shipped, Assert.Single(first.Items).Question));
        Assert.Equal(["items"], FieldsOf(() => first.NextVersion(new ChecklistContent("空", null, []), "o", Now)));
    }

    [Fact]
    public void Every_shipped_checklist_loads_and_builds_and_together_they_cover_every_venue_kind()
    {
        var shipped = ShippedChecklists.Load();

        Assert.Equal(13, shipped.Count);
        Assert.Equal(13, shipped.Select(s => s.Code).Distinct().Count());
        var templates = shipped.Select(s => ChecklistTemplate.Create(s.Code, s.Content, shipped: true, "system", Now)).ToList();
        Assert.All(templates, t => Assert.InRange(t.Items.Count, 1, ChecklistTemplate.MaxItems));
        Assert.All(templates, t => Assert.True(t.Shipped));
        Assert.All(templates, t => Assert.Contains(t.Items, i => i.EvidenceRequired));

        var covered = templates.SelectMany(t => t.VenueKinds).ToList();
        Assert.Equal(Enum.GetNames<VenueKind>().Order(), covered.Distinct().Order());
        Assert.Equal(covered.Count, covered.Distinct().Count());
        Assert.Equal(9, templates.Count(t => t.VenueKinds.Any(k => VenueKinds.IsNineSmall(Enum.Parse<VenueKind>(k)))));
        Assert.Contains(templates, t => t.Code == "small-restaurant" && t.AppliesTo(VenueKind.SmallRestaurant));
        Assert.Contains(templates.Single(t => t.Code == "small-restaurant").Items, i => i.SeverityIfFailed == HazardSeverity.Major);
    }
}
