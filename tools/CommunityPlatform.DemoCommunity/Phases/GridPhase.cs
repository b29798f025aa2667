using System.Net;
using System.Text.Json;
using CommunityPlatform.DemoCommunity.Gateway;
using CommunityPlatform.DemoCommunity.Planning;

namespace CommunityPlatform.DemoCommunity.Phases;

/// <summary>
/// Grid governance through <c>/api/grid</c>. The places first — grids and partner units by the secretary, the residents'
/// spreadsheet imported by the office staff, businesses registered by each grid's worker — then the half year's
/// matters through the 三事 loop, micro-wishes and the care list, each moved by the worker of its grid.
/// </summary>
internal static class GridPhase
{
    /// <summary>The demo resident (周桂英), who reports and rates her own matters from her phone.</summary>
    private const string ResidentAccount = "resident";

    public static async Task PlacesAsync(Run run)
    {
        var plan = run.Plan.Grid;
        await run.PhaseAsync("grid: grids", () => GridsAsync(run, plan));
        await run.PhaseAsync("grid: residents", () => ResidentsAsync(run, plan));
        await run.PhaseAsync("grid: businesses", () => BusinessesAsync(run, plan));
    }

    public static async Task ActivityAsync(Run run)
    {
        var plan = run.Plan.Grid;
        await run.PhaseAsync("grid: matters", () => MattersAsync(run, plan));
        await run.PhaseAsync("grid: micro-wishes", () => WishesAsync(run, plan));
        await run.PhaseAsync("grid: care list", () => CareListAsync(run, plan));
    }

    private static async Task<string> GridsAsync(Run run, GridPlan plan)
    {
        var grids = (await run.Secretary.GetAllAsync("/api/grid/grids", run.Cancellation)).Select(g => g.Str("code")).ToHashSet();
        var missing = plan.Grids.Where(g => !grids.Contains(g.Code)).ToList();
        foreach (var grid in missing)
        {
            await run.Secretary.PostAsync("/api/grid/grids", new { code = grid.Code, name = grid.Name }, run.Cancellation);
        }

        foreach (var partner in await run.Secretary.GetAllAsync("/api/grid/partner-units", run.Cancellation))
        {
            run.PartnerIds[partner.Str("name")] = partner.Id();
        }

        var partners = plan.Partners.Where(p => !run.PartnerIds.ContainsKey(p.Name)).ToList();
        foreach (var partner in partners)
        {
            var paired = await run.Secretary.PostAsync("/api/grid/partner-units", new
            {
                name = partner.Name, gridCode = partner.GridCode, contact = partner.Contact,
                resources = new[] { new { category = partner.Category, description = partner.Resource } },
            }, run.Cancellation);
            run.PartnerIds[partner.Name] = paired.Id();
        }

        return $"{plan.Grids.Count} grids ({missing.Count} new), {plan.Partners.Count} partner units ({partners.Count} new)";
    }

    /// <summary>One spreadsheet per grid; the import itself skips a resident already in the household, so a second run adds nothing.</summary>
    private static async Task<string> ResidentsAsync(Run run, GridPlan plan)
    {
        var (households, residents, heads) = (0, 0, 0);
        foreach (var grid in plan.Grids)
        {
            var imported = await run.Staff.PostCsvAsync("/api/grid/imports/residents", plan.ResidentsCsv(grid.Code), run.Cancellation);
            households += imported.GetProperty("householdsCreated").GetInt32();
            residents += imported.GetProperty("residentsCreated").GetInt32();
            heads += imported.GetProperty("buildingHeads").GetInt32() + imported.GetProperty("unitHeads").GetInt32();
        }

        return $"{plan.Buildings.Count} buildings, {plan.Households.Count()} households, {plan.Households.Sum(h => h.Residents.Count)} residents "
            + $"({households} households, {residents} residents, {heads} heads new)";
    }

    private static async Task<string> BusinessesAsync(Run run, GridPlan plan)
    {
        var names = (await run.Secretary.GetAllAsync("/api/grid/businesses", run.Cancellation)).Select(b => b.Str("name")).ToHashSet();
        var missing = plan.Businesses.Where(b => !names.Contains(b.Name)).ToList();
        await run.ForEachAsync(missing, business => run.WorkerOf(business.GridCode).PostAsync("/api/grid/businesses", new
        {
            gridCode = business.GridCode, name = business.Name, category = business.Category, address = business.Address, @operator = business.Operator,
            phone = business.Phone,
        }, run.Cancellation));
        return $"{plan.Businesses.Count} businesses ({missing.Count} new)";
    }

    private static async Task<string> MattersAsync(Run run, GridPlan plan)
    {
        var existing = (await run.Secretary.GetAllAsync("/api/grid/matters", run.Cancellation))
            .Where(m => run.Period.Holds(m.Instant("requestedDatetime")))
            .GroupBy(m => m.Str("description")).ToDictionary(g => g.Key, g => g.First());
        var made = 0;
        await run.ForEachAsync(plan.Matters, async matter =>
        {
            if (!existing.TryGetValue(matter.Description, out var found))
            {
                found = await run.As(matter.Reporter).PostAsync("/api/grid/matters", new
                {
                    gridCode = matter.GridCode, category = matter.Category, location = matter.Location, description = matter.Description,
                    reporterKind = matter.ReporterKind, reporterName = matter.ReporterName,
                }, run.Cancellation);
                Interlocked.Increment(ref made);
            }

            await AdvanceAsync(run, matter, found.Id(), found.Str("status"));
        });
        var settled = plan.Matters.Count(m => m.Session?.Venue == "DeliberationRoom" && m.Reached >= MatterStage.Resolved);
        return $"{plan.Matters.Count} matters, {settled} disputes settled in the deliberation room, {plan.Matters.Count(m => m.Vote is not null)} building votes ({made} new)";
    }

    /// <summary>Moves a matter on from where it stands to where the plan leaves it, one step of the loop at a time.</summary>
    private static async Task AdvanceAsync(Run run, PlannedMatter matter, Guid id, string status)
    {
        var handler = run.As(matter.Handler);
        var path = $"/api/grid/matters/{id}";
        async Task Step(string action, object body) => status = (await handler.PostAsync($"{path}/{action}", body, run.Cancellation)).Str("status");

        if (status == "Reported" && matter.Stage == MatterStage.Returned)
        {
            await Step("return", new { reason = matter.ReturnReason });
        }
        else if (status == "Reported" && matter.Stage >= MatterStage.Accepted)
        {
            await Step("accept", new { note = "签收，已联系反映人" });
        }

        if (status == "Accepted" && matter.Session is not null)
        {
            await Step("deliberation", new { note = matter.Session.Venue == "DeliberationRoom" ? $"提交{Vocabulary.DeliberationRoom}议事" : "提交楼栋议事会" });
        }

        if (status == "Deliberating")
        {
            var detail = await handler.GetAsync(path, run.Cancellation);
            if (detail.GetProperty("sessions").GetArrayLength() == 0)
            {
                var session = matter.Session!;
                await handler.PostAsync($"{path}/sessions", new
                {
                    venue = session.Venue, heldOn = Run.Day(run.Period.Today), participants = session.Participants, minutes = session.Minutes, decision = session.Decision,
                }, run.Cancellation);
            }

            if (matter.Vote is { } vote && !await VoteAsync(run, handler, path, vote, detail))
            {
                return;
            }

            if (matter.Stage >= MatterStage.Assigned)
            {
                await AssignAsync(run, matter, Step);
            }
        }
        else if (status == "Accepted" && matter.Stage >= MatterStage.Assigned)
        {
            await AssignAsync(run, matter, Step);
        }

        if (status == "Assigned" && matter.Stage >= MatterStage.Resolved)
        {
            await Step("resolve", new { resolution = matter.Resolution });
        }

        if (status == "Resolved" && matter.Stage >= MatterStage.Closed && matter.Reporter == ResidentAccount)
        {
            // A resident who reported from her own account rates the matter herself.
            await run.As(matter.Reporter).PostAsync($"{path}/rating", new { satisfaction = matter.Satisfaction, comment = "处理及时，很满意" }, run.Cancellation);
        }
        else if (status == "Resolved" && matter.Stage >= MatterStage.Closed)
        {
            await Step("close", new { satisfaction = matter.Satisfaction, note = "回访反映人，对处理结果满意" });
        }
    }

    private static Task AssignAsync(Run run, PlannedMatter matter, Func<string, object, Task> step) => step("assign", new
    {
        handler = matter.Assignee,
        dueOn = Run.Day(run.Period.Today.AddDays(matter.Category == "Petition" ? 30 : 10)),
        handlerMemberId = matter.HandlerMember is { } member ? run.MemberId(member) : (Guid?)null,
    });

    /// <summary>Opens the building's vote (unless open or closed already), casts every household's ballot, closes it; true when it carried.</summary>
    private static async Task<bool> VoteAsync(Run run, Caller handler, string path, PlannedVote vote, JsonElement detail)
    {
        var existing = detail.GetProperty("votes").EnumerateArray().FirstOrDefault();
        if (existing.ValueKind == JsonValueKind.Object && !existing.GetProperty("open").GetBoolean())
        {
            return existing.GetProperty("passed").GetBoolean();
        }

        var building = (await handler.GetAllAsync($"/api/grid/buildings?gridCode={vote.Building.GridCode}", run.Cancellation))
            .Single(b => b.Str("name") == vote.Building.Name);
        var households = (await handler.GetAllAsync($"/api/grid/residents?buildingId={building.Id()}", run.Cancellation))
            .GroupBy(r => PartyPerson.PersonKey(r.Str("name"), r.Date("birthDate")))
            .ToDictionary(g => g.Key, g => g.First().GetProperty("householdId").GetGuid());
        var voteId = existing.ValueKind == JsonValueKind.Object
            ? existing.Id()
            : (await handler.PostAsync($"{path}/votes", new { buildingId = building.Id(), question = vote.Question }, run.Cancellation)).Id();
        foreach (var (_, household, consent) in vote.Ballots.Where(b => b.Consent is not null))
        {
            // A ballot an earlier run already cast is refused as a repeat; the household has voted either way.
            await handler.TryPostAsync($"{path}/votes/{voteId}/ballots", new
            {
                householdId = households[PartyPerson.PersonKey(household.Head.Name, household.Head.BirthDate)], consent,
            }, run.Cancellation, HttpStatusCode.Conflict);
        }

        return (await handler.PostAsync($"{path}/votes/{voteId}/close", new { }, run.Cancellation)).GetProperty("passed").GetBoolean();
    }

    private static async Task<string> WishesAsync(Run run, GridPlan plan)
    {
        var existing = (await run.Secretary.GetAllAsync("/api/grid/micro-wishes", run.Cancellation))
            .Where(w => run.Period.Holds(w.Instant("postedAt")))
            .GroupBy(w => w.Str("title")).ToDictionary(g => g.Key, g => g.First());
        var made = 0;
        await run.ForEachAsync(plan.Wishes, async wish =>
        {
            if (!existing.TryGetValue(wish.Title, out var found))
            {
                found = await run.As(wish.Poster).PostAsync("/api/grid/micro-wishes", new
                {
                    gridCode = wish.GridCode, category = wish.Category, title = wish.Title, description = wish.Description, posterName = wish.PosterName,
                }, run.Cancellation);
                Interlocked.Increment(ref made);
            }

            var handler = run.As(wish.Handler);
            var status = found.Str("status");
            if (status == "Open" && wish.Claimed)
            {
                status = (await handler.PostAsync($"/api/grid/micro-wishes/{found.Id()}/claim", wish.ClaimingPartner is { } partner
                    ? new { partnerUnitId = (Guid?)run.PartnerIds[partner], memberId = (Guid?)null, claimantName = (string?)null }
                    : new { partnerUnitId = (Guid?)null, memberId = (Guid?)run.MemberId(wish.ClaimingMember!), claimantName = (string?)wish.ClaimingMember!.Name },
                    run.Cancellation)).Str("status");
            }

            if (status == "Claimed" && wish.Fulfilled)
            {
                await handler.PostAsync($"/api/grid/micro-wishes/{found.Id()}/fulfilment", new
                {
                    note = "心愿已送达，受助居民签字确认",
                    evidence = new[] { $"photos/{run.Period.Year}h{run.Period.Half}-wish-{plan.Wishes.ToList().IndexOf(wish) + 1:00}.jpg" },
                }, run.Cancellation);
            }
        });
        return $"{plan.Wishes.Count} posted, {plan.Wishes.Count(w => w.Claimed)} claimed, {plan.Wishes.Count(w => w.Fulfilled)} fulfilled ({made} new)";
    }

    /// <summary>
    /// The care list is counted, never read: the due-visit list shows each record's grid and category without its
    /// personal fields, and the missing number of each is registered. Nothing of a record is printed.
    /// </summary>
    private static async Task<string> CareListAsync(Run run, GridPlan plan)
    {
        var counted = (await run.Secretary.GetAllAsync("/api/grid/care-list/visits-due?by=2999-12-31", run.Cancellation))
            .GroupBy(r => (r.Str("gridCode"), r.Str("category"))).ToDictionary(g => g.Key, g => g.Count());
        var missing = plan.CareList.GroupBy(p => (p.GridCode, p.Category)).SelectMany(g => g.Skip(counted.GetValueOrDefault(g.Key))).ToList();
        foreach (var person in missing)
        {
            var worker = run.As(person.Worker);
            var registered = await worker.PostAsync("/api/grid/care-list", new
            {
                gridCode = person.GridCode, category = person.Category, risk = person.Risk, responsibleWorkerId = person.Worker, visitIntervalDays = person.VisitIntervalDays,
                details = new { name = person.Name, idNumber = person.IdNumber, phone = person.Phone, address = person.Address, circumstances = person.Circumstances },
            }, run.Cancellation);
            await worker.PostAsync($"/api/grid/care-list/{registered.Id()}/visits",
                new { visitedOn = Run.Day(person.VisitedOn), notes = "入户走访，本人情况稳定，家属配合" }, run.Cancellation);
        }

        return $"{plan.CareList.Count} people in {plan.CareList.Select(p => p.Category).Distinct().Count()} categories ({missing.Count} new)";
    }
}
