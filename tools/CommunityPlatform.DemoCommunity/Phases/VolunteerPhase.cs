using System.Net;
using System.Text.Json;
using CommunityPlatform.DemoCommunity.Gateway;
using CommunityPlatform.DemoCommunity.Planning;

namespace CommunityPlatform.DemoCommunity.Phases;

/// <summary>
/// Volunteer service through <c>/api/volunteer</c>, run by the volunteer leader: the party members' profiles (made by
/// the volunteer service from membership's events — waited for), resident volunteers, the teams with their partner
/// units and members, the half year's activities entered from their sign-in sheets (补录) with every record's hours
/// approved, and today's patrol, about to start, reporting what it saw to the grid.
/// </summary>
internal static class VolunteerPhase
{
    public static async Task RunAsync(Run run)
    {
        var plan = run.Plan.Volunteer;
        var volunteers = new Dictionary<string, Guid>(StringComparer.Ordinal);
        await run.PhaseAsync("volunteer: volunteers", () => VolunteersAsync(run, plan, volunteers));
        var teams = new Dictionary<string, Guid>(StringComparer.Ordinal);
        await run.PhaseAsync("volunteer: teams", () => TeamsAsync(run, plan, volunteers, teams));
        await run.PhaseAsync("volunteer: activities", () => ActivitiesAsync(run, plan, volunteers, teams));
        await run.PhaseAsync("volunteer: today's patrol", () => LivePatrolAsync(run, plan, volunteers, teams));
    }

    private static async Task<string> VolunteersAsync(Run run, VolunteerPlan plan, Dictionary<string, Guid> volunteers)
    {
        var members = plan.MemberVolunteers.ToDictionary(v => run.MemberId(v.Member!), v => v.Key);
        var register = await Eventually.ReturnsAsync(
            () => run.Leader.GetAllAsync("/api/volunteer/volunteers", run.Cancellation),
            list => members.Keys.All(list.Select(v => v.OptionalGuid("memberId")).OfType<Guid>().ToHashSet().Contains),
            Run.Patience, "every party member's volunteer profile (made from MemberRegistered)", run.Cancellation);
        foreach (var volunteer in register)
        {
            if (volunteer.OptionalGuid("memberId") is { } memberId)
            {
                if (members.TryGetValue(memberId, out var key))
                {
                    volunteers[key] = volunteer.Id();
                }
            }
            else
            {
                volunteers["resident|" + volunteer.Str("displayName")] = volunteer.Id();
            }
        }

        var missing = plan.Residents.Where(r => !volunteers.ContainsKey(r.Key)).ToList();
        foreach (var resident in missing)
        {
            var registered = await run.PostNamingGridAsync(run.Leader, "/api/volunteer/volunteers", new
            {
                displayName = resident.Resident!.Name, gridCode = resident.GridCode, skills = resident.Skills, phone = resident.Resident.Phone,
            });
            volunteers[resident.Key] = registered.Id();
        }

        return $"{plan.MemberVolunteers.Count} party members' profiles, {plan.Residents.Count} resident volunteers ({missing.Count} new)";
    }

    private static async Task<string> TeamsAsync(Run run, VolunteerPlan plan, Dictionary<string, Guid> volunteers, Dictionary<string, Guid> teams)
    {
        foreach (var team in await run.Leader.GetAllAsync("/api/volunteer/teams", run.Cancellation))
        {
            teams[team.Str("name")] = team.Id();
        }

        var (formed, joined) = (0, 0);
        foreach (var team in plan.Teams)
        {
            if (!teams.ContainsKey(team.Name))
            {
                var partnerId = team.Partner is { } partner ? run.PartnerIds[partner] : (Guid?)null;
                teams[team.Name] = (await run.Leader.PostAsync("/api/volunteer/teams", new
                {
                    name = team.Name, focus = team.Focus, description = team.Description, partnerUnitId = partnerId, partnerUnitName = team.Partner,
                }, run.Cancellation)).Id();
                formed++;
            }

            var path = $"/api/volunteer/teams/{teams[team.Name]}/members";
            var current = (await run.Leader.GetAllAsync(path, run.Cancellation)).Select(m => m.GetProperty("volunteerId").GetGuid()).ToHashSet();
            foreach (var member in team.Members.Where(m => !current.Contains(volunteers[m.Key])))
            {
                await run.Leader.PostAsync(path, new { volunteerId = volunteers[member.Key], role = member == team.Leader ? "Leader" : "Member" }, run.Cancellation);
                joined++;
            }
        }

        return $"{plan.Teams.Count} teams with {plan.Teams.Count(t => t.Partner is not null)} partner units, {plan.Teams.Sum(t => t.Members.Count)} members "
            + $"({formed} teams, {joined} members new)";
    }

    private static async Task<string> ActivitiesAsync(Run run, VolunteerPlan plan, Dictionary<string, Guid> volunteers, Dictionary<string, Guid> teams)
    {
        var existing = (await run.Leader.GetAllAsync($"/api/volunteer/activities?from={run.Period.From8601}&to={run.Period.To8601}", run.Cancellation))
            .ToDictionary(a => (a.GetProperty("teamId").GetGuid(), a.Str("title"), a.Instant("startsAt").UtcDateTime), a => a.Id());
        var (entered, approved) = (0, 0);
        await run.ForEachAsync(plan.Activities, async activity =>
        {
            var teamId = teams[activity.Team.Name];
            if (!existing.TryGetValue((teamId, activity.Title, activity.StartsAt.UtcDateTime), out var id))
            {
                id = (await run.Leader.PostAsync("/api/volunteer/activities/late-records", new
                {
                    teamId, kind = activity.Kind, title = activity.Title, gridCode = activity.GridCode, place = activity.Place,
                    startsAt = activity.StartsAt, endsAt = activity.EndsAt, capacity = activity.Capacity,
                    description = "根据纸质签到表补录",
                    attendance = activity.Sheet.Select(l => new
                    {
                        volunteerId = volunteers[l.Volunteer.Key], checkedInAt = l.CheckedInAt, checkedOutAt = l.CheckedOutAt, noShow = l.NoShow ? true : (bool?)null,
                    }),
                }, run.Cancellation)).GetProperty("activity").Id();
                Interlocked.Increment(ref entered);
            }

            var adjusted = activity.AdjustedLine is { } line ? volunteers[line.Volunteer.Key] : (Guid?)null;
            foreach (var record in await run.Leader.GetAllAsync($"/api/volunteer/service-records?activityId={id}&status=Pending", run.Cancellation))
            {
                var path = $"/api/volunteer/service-records/{record.Id()}";
                await (record.GetProperty("volunteerId").GetGuid() == adjusted
                    ? run.Leader.PostAsync($"{path}/adjust", new { hours = activity.AdjustedHours, reason = activity.Adjustment }, run.Cancellation)
                    : run.Leader.PostAsync($"{path}/approve", new { }, run.Cancellation));
                Interlocked.Increment(ref approved);
            }
        });
        var sheets = plan.Activities.SelectMany(a => a.Sheet).ToList();
        return $"{plan.Activities.Count} activities entered from their sheets, {sheets.Count(l => !l.NoShow)} attendances, {sheets.Count(l => l.NoShow)} no-shows, "
            + $"{plan.Activities.SelectMany(a => a.Hours()).Sum(h => h.Hours)} hours ({entered} activities new, {approved} records approved)";
    }

    /// <summary>
    /// A patrol starting twenty minutes from now, published with three of the patrol team signed up; check-in is open,
    /// so the leader reports what the team saw on the way, and the grid opens a matter for it. Made once a day; left
    /// out when the start would fall after midnight, outside today.
    /// </summary>
    private static async Task<string> LivePatrolAsync(Run run, VolunteerPlan plan, Dictionary<string, Guid> volunteers, Dictionary<string, Guid> teams)
    {
        var team = plan.Teams.FirstOrDefault(t => t.Focus == "Patrol");
        var today = run.Period.Today;
        var title = $"平安义警巡逻（{today:M月d日}）";
        if (team is null || today != run.Period.To)
        {
            return "none (no patrol team, or a past half year)";
        }

        var teamId = teams[team.Name];
        var found = (await run.Leader.GetAllAsync($"/api/volunteer/activities?teamId={teamId}&from={Run.Day(today)}&to={Run.Day(today)}", run.Cancellation))
            .FirstOrDefault(a => a.Str("title") == title);
        Guid id;
        if (found.ValueKind == JsonValueKind.Object)
        {
            id = found.Id();
        }
        else
        {
            var now = run.Period.Now;
            var starts = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute / 5 * 5, 0, now.Offset).AddMinutes(25);
            if (DemoPeriod.DateOf(starts.AddHours(2)) != today)
            {
                return "none (today's patrol would end after midnight)";
            }

            var gridCode = team.Leader.GridCode;
            id = (await run.PostNamingGridAsync(run.Leader, "/api/volunteer/activities", new
            {
                teamId, kind = "Patrol", title, gridCode, place = $"{run.Plan.Grid.Grid(gridCode).Estate}及周边道路", startsAt = starts, endsAt = starts.AddHours(2),
                capacity = team.Members.Count, description = "重点时段平安巡逻，关注消防通道和电动车充电",
            })).Id();
            await run.Leader.PostAsync($"/api/volunteer/activities/{id}/publish", new { }, run.Cancellation);
            foreach (var member in team.Members.Take(3))
            {
                await run.Leader.TryPostAsync($"/api/volunteer/activities/{id}/signups", new { volunteerId = volunteers[member.Key] }, run.Cancellation,
                    HttpStatusCode.Conflict);
            }
        }

        run.LivePatrol = true;
        var observations = await run.Leader.GetAllAsync($"/api/volunteer/activities/{id}/observations", run.Cancellation);
        if (observations.Count == 0)
        {
            var grid = run.Plan.Grid.Grid(team.Leader.GridCode);
            await run.Leader.PostAsync($"/api/volunteer/activities/{id}/observations", new
            {
                location = $"{grid.Estate}3栋东侧消防通道", description = "多辆电动车停放堵塞消防通道，已现场劝导，需物业清理",
            }, run.Cancellation);
        }

        return $"1 patrol published for today, 1 observation reported to the grid{(found.ValueKind == JsonValueKind.Object ? " (already there)" : "")}";
    }
}
