using CommunityPlatform.Safety.Domain;
using static CommunityPlatform.Safety.UnitTests.TestData;

namespace CommunityPlatform.Safety.UnitTests;

public sealed class CampaignAndTaskTests
{
    private static Campaign GasCampaign(ChecklistTemplate? template = null) => Campaign.Create(
        "燃气安全专项整治", "排查餐饮场所燃气隐患", new DateOnly(2026, 6, 1), new DateOnly(2026, 8, 31), ["小餐饮", "SmallRestaurant", "SmallHotel"],
        template, template?.Code, "office", Now);

    [Fact]
    public void A_campaign_targets_its_venue_kinds_and_keeps_its_checklist()
    {
        var campaign = GasCampaign(Checklist());

        Assert.Equal(["SmallRestaurant", "SmallHotel"], campaign.VenueKinds);
        Assert.Equal("test-restaurant", campaign.TemplateCode);
        Assert.True(campaign.Targets(VenueKind.SmallHotel));
        Assert.False(campaign.Targets(VenueKind.Waters));
        Assert.True(Campaign.Create("全域排查", null, Today, Today, null, null, null, "o", Now).Targets(VenueKind.Waters));
    }

    [Fact]
    public void A_campaign_is_validated_field_by_field()
    {
        Assert.Equal(["endsOn", "name", "templateCode", "venueKinds[1]"], FieldsOf(() => Campaign.Create(
            " ", null, new DateOnly(2026, 6, 2), new DateOnly(2026, 6, 1), ["SmallShop", "大商场"], null, "no-such-list", "o", Now)).Order());
        Assert.Equal(["endsOn", "startsOn"], FieldsOf(() => Campaign.Create("专项", null, null, null, null, null, null, "o", Now)).Order());
    }

    [Fact]
    public void A_campaign_accepts_inspections_only_while_it_runs_and_at_the_venues_it_targets()
    {
        var campaign = GasCampaign();

        campaign.RequireAccepts(Restaurant(), new DateOnly(2026, 6, 1));
        campaign.RequireAccepts(Restaurant(), new DateOnly(2026, 8, 31));
        Assert.Equal("campaign.not-running", RuleOf(() => campaign.RequireAccepts(Restaurant(), new DateOnly(2026, 5, 31))));
        Assert.Equal("campaign.not-running", RuleOf(() => campaign.RequireAccepts(Restaurant(), new DateOnly(2026, 9, 1))));
        var pond = Venue.Register(Details(name: "河边水塘", floorArea: null, capacity: null), "Waters", "G01", Thresholds(), Now);
        Assert.Equal(["campaignId"], FieldsOf(() => campaign.RequireAccepts(pond, Today)));
    }

    [Fact]
    public void A_task_is_done_once_by_an_inspection_or_by_closing_it_with_an_outcome()
    {
        var matter = Guid.NewGuid();
        var answered = InspectionTask.ForMatter(matter, "G01", "3栋楼道", Now.AddHours(-1), Now);
        Assert.Equal((InspectionTaskStatus.Open, matter), (answered.Status, answered.MatterId));

        var inspection = Started();
        answered.AnsweredBy(inspection, Now);
        Assert.Equal((InspectionTaskStatus.Done, inspection.Id, "inspector-1"), (answered.Status, answered.InspectionId, answered.DoneBy));
        Assert.Equal("task.done", RuleOf(() => answered.Close("现场核实无隐患", "w", Now)));
        Assert.Equal("task.done", RuleOf(answered.RequireOpen));

        var closed = InspectionTask.ForMatter(Guid.NewGuid(), "G01", "河边", Now, Now);
        Assert.Equal(["outcome"], FieldsOf(() => closed.Close(" ", "w", Now)));
        Assert.Equal(InspectionTaskStatus.Open, closed.Status);
        closed.Close(" 现场核实无隐患 ", "worker-1", Now);
        Assert.Equal((InspectionTaskStatus.Done, "现场核实无隐患", (Guid?)null), (closed.Status, closed.Outcome, closed.InspectionId));
        Assert.Equal("task.done", RuleOf(() => closed.AnsweredBy(inspection, Now)));
    }
}
