namespace CommunityPlatform.DemoCommunity.Planning;

/// <summary>A volunteer: a party member (whose profile the volunteer service makes from membership's event) or a resident registered here.</summary>
internal sealed record PlannedVolunteer(PartyPerson? Member, PlannedResident? Resident, string GridCode, IReadOnlyList<string> Skills)
{
    public string Key => Member?.Key ?? "resident|" + Resident!.Name;
}

internal sealed record PlannedTeam(string Name, string Focus, string Description, string? Partner, IReadOnlyList<PlannedVolunteer> Members)
{
    public PlannedVolunteer Leader => Members[0];
}

/// <summary>One line of the sign-in sheet: came and left (check-out null: still there at the end), or never came.</summary>
internal sealed record PlannedSheetLine(PlannedVolunteer Volunteer, DateTimeOffset? CheckedInAt, DateTimeOffset? CheckedOutAt)
{
    public bool NoShow => CheckedInAt is null;
}

internal sealed record PlannedActivity(
    PlannedTeam Team, string Kind, string Title, string GridCode, string Place, DateTimeOffset StartsAt, DateTimeOffset EndsAt, int Capacity,
    IReadOnlyList<PlannedSheetLine> Sheet, string? Adjustment)
{
    /// <summary>
    /// The hours each volunteer who came is credited, by the national record rules as the volunteer service applies
    /// them: minutes present inside the window (to the nearest minute), nothing under 60 % of the window, whole half hours.
    /// </summary>
    public IEnumerable<(PlannedSheetLine Line, decimal Hours)> Hours() => Sheet.Where(l => !l.NoShow).Select(l =>
    {
        var from = l.CheckedInAt!.Value > StartsAt ? l.CheckedInAt.Value : StartsAt;
        var until = l.CheckedOutAt is { } left && left < EndsAt ? left : EndsAt;
        var minutes = until > from ? (int)Math.Round((until - from).TotalMinutes, MidpointRounding.AwayFromZero) : 0;
        var window = (int)Math.Round((EndsAt - StartsAt).TotalMinutes, MidpointRounding.AwayFromZero);
        var hours = (decimal)minutes / window < 0.6m ? 0m : Math.Floor(minutes / 60m / 0.5m) * 0.5m;
        return (l, Adjustment is not null && l == AdjustedLine ? AdjustedHours : hours);
    });

    /// <summary>The organiser's correction from the paper sheet, for the first volunteer the rules gave no hours.</summary>
    public PlannedSheetLine? AdjustedLine => Adjustment is null
        ? null
        : Sheet.FirstOrDefault(l => !l.NoShow && l.CheckedOutAt is { } left && (left - l.CheckedInAt!.Value).TotalMinutes < 0.6 * (EndsAt - StartsAt).TotalMinutes);

    public decimal AdjustedHours => Math.Floor((decimal)(EndsAt - StartsAt).TotalHours / 0.5m) * 0.5m;
}

/// <summary>
/// Volunteer service (志愿服务): six teams formed with the partner units, the resident volunteers beside the party
/// members' profiles, and the half year's activities entered from their sign-in sheets (补录) with hours approved;
/// and today, a patrol about to start whose team reports what it saw.
/// </summary>
internal sealed class VolunteerPlan
{
    public required IReadOnlyList<PlannedTeam> Teams { get; init; }

    public required IReadOnlyList<PlannedVolunteer> Residents { get; init; }

    public required IReadOnlyList<PlannedVolunteer> MemberVolunteers { get; init; }

    public required IReadOnlyList<PlannedActivity> Activities { get; init; }

    private static readonly (string Name, string Focus, string Description, string Partner)[] TeamShapes =
    [
        ("平安义警队", "Patrol", "夜间巡逻、重点时段平安守护，发现隐患及时上报网格", "县公安局城东派出所"),
        ("关爱老人志愿服务队", "ElderlyVisit", "走访独居、空巢老人，提供陪伴和健康服务", "县人民医院"),
        ("环境整治志愿服务队", "Environment", "清理楼道杂物和卫生死角，开展垃圾分类宣传", "县住房和城乡建设局"),
        ("爱心帮扶志愿服务队", "Aid", "结对帮扶困难家庭，点亮“微心愿”", "县农村商业银行"),
        ("政策法律宣传志愿服务队", "Publicity", "宣传惠民政策、反诈和法律知识", "县司法局"),
        ("党员先锋志愿服务队", "Other", "党员认领岗位，参与“红网格”服务", "县供电公司"),
    ];

    private static readonly Dictionary<string, (string[] Titles, int Hour, int Minutes)> KindShapes = new()
    {
        ["Patrol"] = (["平安义警夜间巡逻", "节前平安巡逻", "重点时段平安守护"], 19, 120),
        ["ElderlyVisit"] = (["走访慰问独居老人", "为老人义诊测血压", "陪伴空巢老人"], 9, 150),
        ["Environment"] = (["清理楼道杂物", "小区环境卫生大扫除", "清理卫生死角"], 8, 150),
        ["Aid"] = (["结对帮扶困难家庭", "爱心物资送上门", "助残志愿服务"], 14, 180),
        ["Publicity"] = (["反诈宣传进小区", "垃圾分类宣传", "民法典宣传"], 9, 120),
        ["Other"] = (["党员先锋岗志愿服务", "“红网格”入户走访", "文明劝导志愿服务"], 8, 150),
    };

    public static VolunteerPlan Make(int seed, DemoScale scale, DemoPeriod period, MembershipPlan membership, GridPlan grid)
    {
        var full = scale == DemoScale.Full;
        var random = Seeded.For(seed, "volunteers");
        var members = membership.Register.Select(p => new PlannedVolunteer(p, null, p.GridCode, [])).ToList();
        // Residents with a name no one else in the community has, so the register can find them again by name.
        var unique = grid.Households.SelectMany(h => h.Residents).GroupBy(r => r.Name).Where(g => g.Count() == 1).Select(g => g.Single()).ToHashSet();
        var residents = random.Shuffled(grid.Buildings.SelectMany(b => b.Households.SelectMany(h => h.Residents.Select(r => (b.GridCode, Resident: r)))))
            .Where(r => unique.Contains(r.Resident) && MembershipPlan.RegistryEpoch.Year - r.Resident.BirthDate.Year is >= 18 and <= 70)
            .Take(full ? 60 : 6)
            .Select(r => new PlannedVolunteer(null, r.Resident, r.GridCode, [.. random.Shuffled(Vocabulary.Skills).Take(random.Next(0, 3))]))
            .ToList();
        var partners = grid.Partners.Select(p => p.Name).ToHashSet();
        (int Members, int Residents) perTeam = full ? (5, 7) : (2, 2);
        var teams = TeamShapes.Take(full ? 6 : 2).Select((t, i) => new PlannedTeam(
            t.Name, t.Focus, t.Description, partners.Contains(t.Partner) ? t.Partner : null,
            [.. members.Skip(i * perTeam.Members).Take(perTeam.Members).Concat(residents.Skip(i * perTeam.Residents).Take(perTeam.Residents))])).ToList();
        return new VolunteerPlan
        {
            Teams = teams,
            Residents = residents,
            MemberVolunteers = members,
            Activities = DrawActivities(seed, full, period, teams, grid),
        };
    }

    /// <summary>
    /// One activity a month for each team (at small scale, two in the half year), on days of the month kept apart for
    /// each team so no volunteer is in two places at once; only those that have ended by now.
    /// </summary>
    private static List<PlannedActivity> DrawActivities(int seed, bool full, DemoPeriod period, List<PlannedTeam> teams, GridPlan grid)
    {
        var activities = new List<PlannedActivity>();
        for (var t = 0; t < teams.Count; t++)
        {
            var team = teams[t];
            foreach (var slot in full ? [0, 1, 2, 3, 4, 5] : new[] { 1, 4 })
            {
                var random = Seeded.For(seed, "activity", period.Year, period.Half, team.Name, slot);
                var (titles, hour, minutes) = KindShapes[team.Focus];
                var day = period.From.AddMonths(slot).AddDays(t * 4 + random.Next(0, 4));
                var starts = DemoPeriod.At(day, hour, random.Pick([0, 30]));
                var ends = starts.AddMinutes(minutes);
                // Entered once the sheet is complete: the last check-out may be ten minutes after the end.
                if (!period.Holds(day) || ends.AddMinutes(15) > period.Now)
                {
                    continue;
                }

                var place = grid.Grid(team.Leader.GridCode);
                var sheet = team.Members.Select(v =>
                {
                    var draw = random.Next(100);
                    if (draw < 10)
                    {
                        return new PlannedSheetLine(v, null, null);
                    }

                    var checkedIn = starts.AddMinutes(draw < 20 ? random.Next(15, 41) : random.Next(-10, 6));
                    DateTimeOffset? checkedOut = random.Next(100) switch
                    {
                        < 12 => ends.AddMinutes(-random.Next(30, 81)),
                        < 40 => null,
                        _ => ends.AddMinutes(random.Next(-8, 11)),
                    };
                    return new PlannedSheetLine(v, checkedIn, checkedOut);
                }).ToList();
                var adjusted = full && t == 0 && slot == 2 ? "按纸质签到表核实：中途护送受伤老人就医，经队长确认全程在岗" : null;
                activities.Add(new PlannedActivity(
                    team, team.Focus, $"{random.Pick(titles)}（{day:M月d日}）", place.Code, $"{place.Estate}{(team.Focus == "Patrol" ? "及周边道路" : "小区")}",
                    starts, ends, team.Members.Count + 5, sheet, adjusted));
            }
        }

        return activities;
    }

    /// <param name="livePatrol">Whether today's patrol exists (made by this run or an earlier one today).</param>
    public void AddTruth(TruthBuilder truth, DemoPeriod period, bool livePatrol)
    {
        var inPeriod = Activities.Where(a => period.Holds(a.StartsAt)).ToList();
        truth.Add("volunteer.teams", Teams.Count)
            .Add("volunteer.volunteers.total", MemberVolunteers.Count + Residents.Count)
            .Add("volunteer.volunteers.partyMembers", MemberVolunteers.Count)
            .Add("volunteer.volunteers.residents", Residents.Count);
        truth.Add("volunteer.activities.total", inPeriod.Count + (livePatrol ? 1 : 0))
            .Add("volunteer.activities.completed", inPeriod.Count)
            .Add("volunteer.activities.cancelled", 0);
        foreach (var kind in new[] { "Patrol", "Environment", "ElderlyVisit", "Aid", "Publicity", "Other" })
        {
            truth.Add($"volunteer.activities.byKind.{kind}", inPeriod.Count(a => a.Kind == kind) + (livePatrol && kind == "Patrol" ? 1 : 0));
        }

        var lines = inPeriod.SelectMany(a => a.Sheet).ToList();
        var attended = lines.Count(l => !l.NoShow);
        var noShows = lines.Count(l => l.NoShow);
        truth.Add("volunteer.participation.participants", lines.Where(l => !l.NoShow).Select(l => l.Volunteer.Key).Distinct().Count())
            .Add("volunteer.participation.attendances", attended)
            .Add("volunteer.participation.noShows", noShows);
        if (attended + noShows > 0)
        {
            truth.Add("volunteer.participation.noShowRate", Math.Round((decimal)noShows / (attended + noShows), 3));
        }

        var hours = inPeriod.SelectMany(a => a.Hours()).ToList();
        truth.Add("volunteer.hours.approved", hours.Sum(h => h.Hours))
            .Add("volunteer.hours.volunteersCredited", hours.Where(h => h.Hours > 0).Select(h => h.Line.Volunteer.Key).Distinct().Count())
            .Add("volunteer.hours.pendingRecords", 0)
            .Add("volunteer.patrolObservations", livePatrol ? 1 : 0);
    }
}
