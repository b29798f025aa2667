using CommunityPlatform.Contracts.Safety;
using CommunityPlatform.Safety.Domain;
using CommunityPlatform.ServiceKit.Domain;
using static CommunityPlatform.Safety.UnitTests.TestData;

namespace CommunityPlatform.Safety.UnitTests;

public sealed class InspectionTests
{
    [Fact]
    public void An_inspection_copies_the_checklist_version_it_started_with()
    {
        var checklist = Checklist();
        var inspection = Started(checklist: checklist);

        Assert.Equal(InspectionStatus.InProgress, inspection.Status);
        Assert.Equal(("test-restaurant", 1, checklist.Id), (inspection.TemplateCode, inspection.TemplateVersion, inspection.TemplateId));
        Assert.Equal([1, 2, 3], inspection.Answers.Select(a => a.Number));
        Assert.All(inspection.Answers, a => Assert.Null(a.Result));
        Assert.Equal([true, true, false], inspection.Answers.Select(a => a.EvidenceRequired));

        var next = checklist.NextVersion(new ChecklistContent("新版", ["SmallRestaurant"], [Item("只有一项")]), "office", Now);
        Assert.Equal(3, inspection.Answers.Count);
        Assert.Equal(2, next.Version);
    }

    [Fact]
    public void A_checklist_for_another_venue_kind_is_refused_naming_the_template()
    {
        var errors = Assert.Throws<DomainValidationException>(() => Started(checklist: Checklist("Waters"))).Errors;

        Assert.Contains("水域", Assert.Single(errors["templateCode"]));
        Assert.Contains("小餐饮", errors["templateCode"][0]);
    }

    [Fact]
    public void A_checklist_for_no_particular_kind_may_be_used_anywhere()
    {
        var campaignList = ChecklistTemplate.Create("gas-campaign", new ChecklistContent("燃气专项", null, [Item("是否安装燃气报警器", category: "Gas")]), false, "o", Now);

        Assert.Single(Started(checklist: campaignList).Answers);
        Assert.True(campaignList.AppliesTo(VenueKind.Waters));
    }

    [Fact]
    public void Completing_is_refused_while_items_are_unanswered_listing_them()
    {
        var inspection = Started();
        inspection.Answer(2, Pass(), Now);

        var refused = Assert.Throws<DomainRuleViolationException>(() => inspection.Complete(Restaurant(), Deadlines, Now));

        Assert.Equal("inspection.unanswered", refused.Rule);
        Assert.Equal([1, 3], Assert.IsType<List<int>>(refused.Details["items"]));
        Assert.Equal(InspectionStatus.InProgress, inspection.Status);
    }

    [Fact]
    public void Completing_is_refused_while_a_failed_item_that_needs_evidence_has_no_photo_listing_only_those_items()
    {
        var inspection = Started();
        inspection.Answer(1, Fail(photo: false), Now);
        inspection.Answer(2, Fail(photo: true), Now);
        inspection.Answer(3, Fail(photo: false), Now);

        var refused = Assert.Throws<DomainRuleViolationException>(() => inspection.Complete(Restaurant(), Deadlines, Now));

        Assert.Equal("inspection.evidence-missing", refused.Rule);
        Assert.Equal([1], Assert.IsType<List<int>>(refused.Details["items"]));
        Assert.Contains("安全出口是否畅通", refused.Message);
        Assert.DoesNotContain("健康证", refused.Message);
        Assert.Equal(InspectionStatus.InProgress, inspection.Status);

        inspection.Answer(1, Fail(photo: true), Now);
        Assert.Equal(3, inspection.Complete(Restaurant(), Deadlines, Now).Count);
    }

    [Fact]
    public void A_failed_item_needing_evidence_passes_the_rule_once_answered_as_passed_or_not_applicable()
    {
        var inspection = Started();
        inspection.Answer(1, Fail(photo: false), Now);
        inspection.Answer(1, new AnswerContent("NotApplicable", null, null, null, null), Now);
        inspection.Answer(2, new AnswerContent("合格", null, null, null, null), Now);
        inspection.Answer(3, new AnswerContent("不适用", null, null, null, null), Now);

        var hazards = inspection.Complete(Restaurant(), Deadlines, Now);
        var completed = Assert.IsType<InspectionCompleted>(Assert.Single(inspection.Events));

        Assert.Empty(hazards);
        Assert.Equal((1, 0, 0), (completed.ItemsPassed, completed.ItemsFailed, completed.HazardsOpened));
    }

    [Fact]
    public void Each_failed_item_opens_a_hazard_due_by_the_default_for_its_severity_or_its_own_date()
    {
        var venue = Restaurant();
        var inspection = Started(venue);
        inspection.Answer(1, Fail(), Now);
        inspection.Answer(2, Fail(), Now);
        inspection.Answer(3, Fail(deadline: Today.AddDays(2)), Now);

        var opened = inspection.Complete(venue, Deadlines, Now);
        var completed = Assert.IsType<InspectionCompleted>(Assert.Single(inspection.Events));
        var hazards = opened.Select(h => (Hazard: h, Reported: Assert.IsType<HazardReported>(Assert.Single(h.Events)))).ToList();

        Assert.Equal(
            [(1, HazardSeverity.General, Today.AddDays(7)), (2, HazardSeverity.Major, Today.AddDays(30)), (3, HazardSeverity.General, Today.AddDays(2))],
            hazards.Select(h => (h.Hazard.ItemNumber, h.Hazard.Severity, h.Hazard.Deadline)));
        Assert.Equal(["General", "Major", "General"], hazards.Select(h => h.Reported.Severity));
        Assert.All(hazards, h => Assert.Equal(h.Hazard.Deadline, h.Reported.Deadline));
        Assert.All(hazards, h => Assert.Equal("老王面馆（幸福路8号）", h.Reported.Location));
        Assert.Equal(HazardCategory.Gas, hazards[1].Hazard.Category);
        Assert.Equal(InspectionStatus.Completed, inspection.Status);
        Assert.Equal(Now, inspection.CompletedAt);
        Assert.Equal((0, 3, 3), (completed.ItemsPassed, completed.ItemsFailed, completed.HazardsOpened));
        Assert.Equal(("SmallRestaurant", "test-restaurant", 1), (completed.VenueKind, completed.TemplateCode, completed.TemplateVersion));
    }

    [Fact]
    public void An_inspector_may_raise_a_failed_items_severity_which_gives_the_major_deadline()
    {
        var venue = Restaurant();
        var inspection = Started(venue);
        inspection.Answer(1, Fail(severity: "重大隐患"), Now);
        inspection.Answer(2, Pass(), Now);
        inspection.Answer(3, Pass(), Now);

        var hazard = Assert.Single(inspection.Complete(venue, Deadlines, Now));

        Assert.Equal(HazardSeverity.Major, hazard.Severity);
        Assert.Equal(Today.AddDays(30), hazard.Deadline);
    }

    [Fact]
    public void Deadlines_follow_the_configured_days_and_the_communitys_calendar_day()
    {
        var deadlines = new RectificationDeadlines { GeneralDays = 3, MajorDays = 15 };
        Assert.Equal(Today.AddDays(3), deadlines.For(HazardSeverity.General, Today));
        Assert.Equal(Today.AddDays(15), deadlines.For(HazardSeverity.Major, Today));
        Assert.Equal(Today.AddDays(7), new RectificationDeadlines().For(HazardSeverity.General, Today));
        Assert.Equal(Today.AddDays(30), new RectificationDeadlines().For(HazardSeverity.Major, Today));

        // Completed at 01:00 on 11 June in the community, which is still 10 June in UTC.
        var lateEvening = new DateTimeOffset(2026, 6, 10, 17, 0, 0, TimeSpan.Zero);
        var venue = Restaurant();
        var inspection = Inspection.Start(venue, Checklist(), null, null, "i", lateEvening);
        inspection.Answer(1, Fail(), Now);
        inspection.Answer(2, Pass(), Now);
        inspection.Answer(3, Pass(), Now);
        Assert.Equal(new DateOnly(2026, 6, 14), Assert.Single(inspection.Complete(venue, deadlines, lateEvening)).Deadline);
    }

    [Fact]
    public void An_answer_is_validated_field_by_field()
    {
        var inspection = Started();

        Assert.Equal(["number"], FieldsOf(() => inspection.Answer(4, Pass(), Now)));
        Assert.Equal(["number"], FieldsOf(() => inspection.Answer(0, Pass(), Now)));
        Assert.Equal(["result"], FieldsOf(() => inspection.Answer(1, new AnswerContent("Maybe", null, null, null, null), Now)));
        Assert.Equal(["deadline", "severity"], FieldsOf(() => inspection.Answer(1, new AnswerContent("Pass", null, null, "Major", Today.AddDays(3)), Now)).Order());
        Assert.Equal(["severity"], FieldsOf(() => inspection.Answer(1, new AnswerContent("Fail", null, null, "Critical", null), Now)));
        Assert.Equal(["deadline"], FieldsOf(() => inspection.Answer(1, Fail(deadline: Today.AddDays(-1)), Now)));
        Assert.Equal(["photos"], FieldsOf(() => inspection.Answer(1, new AnswerContent("Fail", null, [" "], null, null), Now)));
        Assert.Equal(["photos"], FieldsOf(() => inspection.Answer(1, new AnswerContent("Fail", null, [.. Enumerable.Range(0, 11).Select(i => $"p/{i}.jpg")], null, null), Now)));
        Assert.All(inspection.Answers, a => Assert.Null(a.Result));
    }

    [Fact]
    public void A_completed_inspection_takes_no_more_answers_and_is_not_completed_twice()
    {
        var venue = Restaurant();
        var inspection = Started(venue);
        foreach (var number in new[] { 1, 2, 3 })
        {
            inspection.Answer(number, Pass(), Now);
        }

        inspection.Complete(venue, Deadlines, Now);

        Assert.Equal("inspection.completed", RuleOf(() => inspection.Answer(1, Fail(), Now)));
        Assert.Equal("inspection.completed", RuleOf(() => inspection.Complete(venue, Deadlines, Now)));
    }
}
