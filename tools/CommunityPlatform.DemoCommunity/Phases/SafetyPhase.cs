using System.Globalization;
using System.Text.Json;
using CommunityPlatform.DemoCommunity.Gateway;
using CommunityPlatform.DemoCommunity.Planning;

namespace CommunityPlatform.DemoCommunity.Phases;

/// <summary>
/// Safety inspection through <c>/api/safety</c>: the inspector registers the venues and inspects them, answering every
/// item of the venue's checklist; each failed item is a hazard that the grid's worker has rectified and the inspector
/// re-inspects. Grid workers record their patrols, and the office plans the monthly quotas once the patrols are in,
/// so the quota check never judges a month half entered.
/// </summary>
internal static class SafetyPhase
{
    private static readonly Dictionary<string, string[]> FailureNotes = new()
    {
        ["Fire"] = ["灭火器压力不足，已过检验期", "疏散通道堆放纸箱杂物", "安全出口指示灯损坏", "未配置应急照明"],
        ["Electrical"] = ["私拉乱接电线，插座串联使用", "电动车在室内充电", "配电箱无防护盖"],
        ["Gas"] = ["燃气软管老化开裂", "未安装可燃气体报警器"],
        ["Food"] = ["从业人员健康证过期", "生熟食品未分开存放"],
        ["Drowning"] = ["警示牌缺失", "救生圈等救生器材缺失"],
        ["Flood"] = ["排水沟堵塞", "防汛物资储备不足"],
        ["Structure"] = ["护栏松动", "坡面出现裂缝，未设警示"],
        ["Other"] = ["安全管理台账不全", "未制定应急预案"],
    };

    public static async Task RunAsync(Run run)
    {
        var plan = run.Plan.Safety;
        var venues = new Dictionary<string, Guid>(StringComparer.Ordinal);
        await run.PhaseAsync("safety: venues", () => VenuesAsync(run, plan, venues));
        await run.PhaseAsync("safety: patrols", () => PatrolsAsync(run, plan));
        await run.PhaseAsync("safety: inspections", () => InspectionsAsync(run, plan, venues));
    }

    private static async Task<string> VenuesAsync(Run run, SafetyPlan plan, Dictionary<string, Guid> venues)
    {
        foreach (var venue in await run.Inspector.GetAllAsync("/api/safety/venues", run.Cancellation))
        {
            venues[venue.Str("name")] = venue.Id();
        }

        var missing = plan.Venues.Where(v => !venues.ContainsKey(v.Name)).ToList();
        var made = new System.Collections.Concurrent.ConcurrentDictionary<string, Guid>();
        await run.ForEachAsync(missing, async venue =>
        {
            var registered = await run.PostNamingGridAsync(run.Inspector, "/api/safety/venues", new
            {
                name = venue.Name, kind = venue.Kind, gridCode = venue.GridCode, address = venue.Address, ownerName = venue.Owner, ownerPhone = venue.OwnerPhone,
                floorArea = venue.FloorArea, capacity = venue.Capacity,
            });
            made[venue.Name] = registered.Id();
        });
        foreach (var (name, id) in made)
        {
            venues[name] = id;
        }

        return $"{plan.Venues.Count} venues, {plan.Venues.Count(v => v.NineSmall)} of the nine small kinds ({missing.Count} new)";
    }

    private static async Task<string> PatrolsAsync(Run run, SafetyPlan plan)
    {
        var recorded = 0;
        foreach (var month in plan.Patrols.GroupBy(p => (p.GridCode, p.Kind, Month: DemoPeriod.DateOf(p.PatrolledAt).ToString("yyyy-MM", CultureInfo.InvariantCulture))))
        {
            var (gridCode, kind, yearMonth) = month.Key;
            var held = (await run.Staff.GetAllAsync($"/api/safety/patrols?gridCode={gridCode}&kind={kind}&month={yearMonth}", run.Cancellation))
                .Select(p => p.Instant("patrolledAt").UtcDateTime).ToHashSet();
            foreach (var patrol in month.Where(p => !held.Contains(p.PatrolledAt.UtcDateTime)))
            {
                await run.PostNamingGridAsync(run.As(patrol.Recorder), "/api/safety/patrols", new
                {
                    gridCode, kind, patrolledAt = patrol.PatrolledAt, route = patrol.Route, participants = patrol.Participants,
                });
                recorded++;
            }
        }

        var plans = (await run.Staff.GetAllAsync("/api/safety/patrol-plans", run.Cancellation)).Select(p => (p.Str("gridCode"), p.Str("kind"))).ToHashSet();
        var planned = 0;
        foreach (var quota in plan.PatrolPlans.Where(p => !plans.Contains((p.GridCode, p.Kind))))
        {
            await run.PostNamingGridAsync(run.Staff, "/api/safety/patrol-plans", new
            {
                gridCode = quota.GridCode, kind = quota.Kind, timesPerMonth = quota.TimesPerMonth, startsOn = Run.Day(run.Period.From),
            });
            planned++;
        }

        return $"{plan.PatrolPlans.Count} patrol plans ({planned} new), {plan.Patrols.Count} patrols ({recorded} new)";
    }

    private static async Task<string> InspectionsAsync(Run run, SafetyPlan plan, Dictionary<string, Guid> venues)
    {
        var existing = (await run.Inspector.GetAllAsync("/api/safety/inspections", run.Cancellation))
            .Where(i => run.Period.Holds(i.Instant("startedAt")))
            .GroupBy(i => i.GetProperty("venueId").GetGuid()).ToDictionary(g => g.Key, g => g.First());
        var (started, steps) = (0, 0);
        await run.ForEachAsync(plan.Inspections, async inspection =>
        {
            var venueId = venues[inspection.Venue.Name];
            if (!existing.TryGetValue(venueId, out var found))
            {
                found = await run.Inspector.PostAsync("/api/safety/inspections", new { venueId }, run.Cancellation);
                Interlocked.Increment(ref started);
            }

            var path = $"/api/safety/inspections/{found.Id()}";
            IReadOnlyDictionary<int, PlannedFailure> failures;
            // A summary from the list counts the items; the started inspection and the full one list them.
            var items = found.GetProperty("items");
            if (found.Str("status") == "InProgress")
            {
                if (items.ValueKind != JsonValueKind.Array)
                {
                    items = (await run.Inspector.GetAsync(path, run.Cancellation)).GetProperty("items");
                }

                failures = await AnswerAsync(run, path, inspection, items);
                var completed = await run.Inspector.PostAsync($"{path}/complete", new { }, run.Cancellation);
                foreach (var hazard in completed.GetProperty("hazards").EnumerateArray())
                {
                    Interlocked.Add(ref steps, await FollowUpAsync(run, inspection, hazard, failures));
                }

                return;
            }

            failures = Failures(inspection, items.ValueKind == JsonValueKind.Array ? items.GetArrayLength() : items.GetInt32());
            foreach (var hazard in await run.Inspector.GetAllAsync($"/api/safety/hazards?venueId={venueId}", run.Cancellation))
            {
                if (hazard.GetProperty("inspectionId").GetGuid() == found.Id())
                {
                    Interlocked.Add(ref steps, await FollowUpAsync(run, inspection, hazard, failures));
                }
            }
        });
        var hazards = plan.Hazards.ToList();
        return $"{plan.Inspections.Count} inspections, {hazards.Count} hazards ({hazards.Count(h => h.Severity == "Major")} major), "
            + $"{hazards.Count(h => h.Outcome == HazardOutcome.Rectified)} rectified ({started} inspections new, {steps} rectification steps)";
    }

    /// <summary>Which item numbers fail, from the plan's positions along a checklist of <paramref name="items"/> items.</summary>
    private static Dictionary<int, PlannedFailure> Failures(PlannedInspection inspection, int items) =>
        inspection.Failures.Select(f => (Number: (int)(f.Position * items) + 1, Failure: f)).DistinctBy(f => f.Number).ToDictionary(f => f.Number, f => f.Failure);

    /// <summary>Answers every item: the planned failures with notes, a photo and their severity, one item not applicable, the rest passed.</summary>
    private static async Task<IReadOnlyDictionary<int, PlannedFailure>> AnswerAsync(Run run, string path, PlannedInspection inspection, JsonElement items)
    {
        var count = items.GetArrayLength();
        var failures = Failures(inspection, count);
        var notApplicable = (int)(inspection.NotApplicablePosition * count) + 1;
        foreach (var item in items.EnumerateArray())
        {
            var number = item.GetProperty("number").GetInt32();
            object answer = failures.TryGetValue(number, out var failure)
                ? new
                {
                    result = "Fail", notes = FailureNotes[item.Str("category")][number % FailureNotes[item.Str("category")].Length],
                    photos = new[] { $"{Photo(run, inspection)}-item{number:00}.jpg" }, severity = failure.Severity,
                }
                : new { result = number == notApplicable ? "NotApplicable" : "Pass" };
            await run.Inspector.PutAsync($"{path}/items/{number}", answer, run.Cancellation);
        }

        return failures;
    }

    /// <summary>Where an inspection's photos are filed: by half year and the inspection's place in the plan, never by an id the suite chose.</summary>
    private static string Photo(Run run, PlannedInspection inspection) =>
        $"photos/{run.Period.Year}h{run.Period.Half}-inspection-{run.Plan.Safety.Inspections.ToList().IndexOf(inspection) + 1:000}";

    /// <summary>Takes a hazard from where it stands to its planned outcome; returns the steps taken.</summary>
    private static async Task<int> FollowUpAsync(Run run, PlannedInspection inspection, JsonElement hazard, IReadOnlyDictionary<int, PlannedFailure> failures)
    {
        var failure = failures[hazard.GetProperty("itemNumber").GetInt32()];
        var path = $"/api/safety/hazards/{hazard.Id()}";
        var worker = run.WorkerOf(inspection.Venue.GridCode);
        var status = hazard.Str("status");
        var steps = 0;
        if (status == "Open" && failure.Outcome is not HazardOutcome.Open)
        {
            status = (await worker.PostAsync($"{path}/rectification", new { measures = failure.Measures }, run.Cancellation)).Str("status");
            steps++;
        }

        if (status == "Rectifying" && failure.Outcome is HazardOutcome.Submitted or HazardOutcome.Reopened or HazardOutcome.Rectified)
        {
            var photo = $"{Photo(run, inspection)}-item{hazard.GetProperty("itemNumber").GetInt32():00}-rectified.jpg";
            status = (await worker.PostAsync($"{path}/submission", new { notes = failure.Measures, photos = new[] { photo } }, run.Cancellation)).Str("status");
            steps++;
        }

        if (status == "Submitted" && failure.Outcome is HazardOutcome.Reopened or HazardOutcome.Rectified)
        {
            var passed = failure.Outcome == HazardOutcome.Rectified;
            await run.Inspector.PostAsync($"{path}/reinspection", new { passed, notes = passed ? "复查合格" : "整改不彻底，仍有杂物堆放，限期再次整改" },
                run.Cancellation);
            steps++;
        }

        return steps;
    }
}
