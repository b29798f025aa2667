namespace CommunityPlatform.DemoCommunity.Planning;

internal sealed record PlannedVenue(
    string GridCode, string Kind, string Name, string Address, string Owner, string? OwnerPhone, decimal? FloorArea, int? Capacity, bool NineSmall);

/// <summary>Where a hazard's rectification stands at the end of the run.</summary>
internal enum HazardOutcome
{
    /// <summary>Found, nothing done yet.</summary>
    Open,

    /// <summary>The responsible party is rectifying.</summary>
    Rectifying,

    /// <summary>Reported done, waiting for re-inspection.</summary>
    Submitted,

    /// <summary>Re-inspected and failed: reopened with a new deadline.</summary>
    Reopened,

    /// <summary>Re-inspected and passed: closed.</summary>
    Rectified,
}

/// <summary>A failed item: where in the checklist (a fraction of its length, as the plan does not read the checklist), how severe, and what becomes of it.</summary>
internal sealed record PlannedFailure(double Position, string Severity, HazardOutcome Outcome, string Measures);

internal sealed record PlannedInspection(PlannedVenue Venue, IReadOnlyList<PlannedFailure> Failures, double NotApplicablePosition);

internal sealed record PlannedPatrolPlan(string GridCode, string Kind, int TimesPerMonth);

internal sealed record PlannedPatrol(string GridCode, string Kind, DateTimeOffset PatrolledAt, string Route, int Participants, string Recorder);

/// <summary>
/// Safety inspection (安全隐患排查): the venue register (the nine small kinds 九小场所 and the natural risk spots), the
/// half year's inspections with hazards found and rectified through re-inspection or still open, and the patrol
/// plans (forest fire and environment at least four times a month) with the patrols walked.
/// </summary>
internal sealed class SafetyPlan
{
    public required IReadOnlyList<PlannedVenue> Venues { get; init; }

    public required IReadOnlyList<PlannedInspection> Inspections { get; init; }

    public required IReadOnlyList<PlannedPatrolPlan> PatrolPlans { get; init; }

    public required IReadOnlyList<PlannedPatrol> Patrols { get; init; }

    public IEnumerable<PlannedFailure> Hazards => Inspections.SelectMany(i => i.Failures);

    /// <summary>(kind, count in the real community, count at small scale, floor area range, capacity range or none, grids it lies in).</summary>
    private static readonly (string Kind, int Full, int Small, int Area, int? Capacity, string[] Grids)[] Kinds =
    [
        ("SmallShop", 24, 1, 120, 6, []), ("SmallRestaurant", 14, 1, 150, 60, []), ("SmallHotel", 3, 1, 280, 30, []),
        ("SmallEntertainment", 2, 1, 180, 12, []), ("SmallInternetCafe", 2, 1, 180, 80, []), ("SmallBeautyBath", 8, 1, 150, 8, []),
        ("SmallSchool", 3, 1, 280, 90, []), ("SmallClinic", 4, 1, 250, 10, []), ("SmallWorkshop", 4, 1, 800, 25, []),
        ("ConstructionSite", 2, 0, 0, 120, ["G03", "G04"]), ("Waters", 3, 1, 0, null, ["G03", "G04", "G01"]),
        ("Slope", 2, 0, 0, null, ["G03"]), ("Woodland", 3, 1, 0, null, ["G03"]),
    ];

    private static readonly Dictionary<string, string[]> VenueNames = new()
    {
        ["SmallShop"] = ["便利店", "超市", "粮油店", "五金店", "烟酒店", "文具店"],
        ["SmallRestaurant"] = ["面馆", "家常菜馆", "烧烤店", "早餐店", "饺子馆"],
        ["SmallHotel"] = ["宾馆", "快捷酒店", "旅社"],
        ["SmallEntertainment"] = ["KTV", "歌舞厅"],
        ["SmallInternetCafe"] = ["网咖", "网吧"],
        ["SmallBeautyBath"] = ["美容美发", "足浴店", "美容院"],
        ["SmallSchool"] = ["幼儿园", "托管中心", "培训学校"],
        ["SmallClinic"] = ["诊所", "卫生服务站", "口腔诊所"],
        ["SmallWorkshop"] = ["食品加工坊", "门窗加工厂", "服装加工厂"],
    };

    private static readonly Dictionary<string, string[]> NaturalSpots = new()
    {
        ["ConstructionSite"] = ["锦绣家园二期工地", "滨河路管网改造工地"],
        ["Waters"] = ["后山水库", "滨河公园河段", "常青苑景观池塘"],
        ["Slope"] = ["后山北坡", "锦绣家园东侧边坡"],
        ["Woodland"] = ["后山林地", "锦绣家园防护林", "水库周边林地"],
    };

    public static SafetyPlan Make(int seed, DemoScale scale, DemoPeriod period, GridPlan grid)
    {
        var full = scale == DemoScale.Full;
        var venues = DrawRegister(Seeded.For(seed, "venues"), full, grid);
        var random = Seeded.For(seed, "inspections", period.Year, period.Half);
        // Most of the register is inspected in the half year, every kind at least once.
        var inspected = random.Shuffled(venues).OrderBy(v => venues.Where(o => o.Kind == v.Kind).ToList().IndexOf(v) == 0 ? 0 : 1).Take(full ? 40 : 4).ToList();
        var inspections = inspected.Select(v =>
        {
            var failures = random.Next(100) switch { < 35 => 0, < 75 => 1, < 95 => 2, _ => 3 };
            var positions = random.Shuffled(Enumerable.Range(0, 10)).Take(failures + 1).Select(p => p / 10.0 + 0.05).ToList();
            return new PlannedInspection(v, [.. positions.Skip(1).Select(p => new PlannedFailure(
                p, random.Chance(0.12) ? "Major" : "General", Outcome(random.Next(100)), random.Pick(Vocabulary.RectificationMeasures)))], positions[0]);
        }).ToList();

        var plans = new List<PlannedPatrolPlan> { new("G03", "ForestFire", 4) };
        if (full)
        {
            plans.AddRange(grid.Grids.Select(g => new PlannedPatrolPlan(g.Code, "Environment", 4)));
        }

        return new SafetyPlan { Venues = venues, Inspections = inspections, PatrolPlans = plans, Patrols = DrawPatrols(seed, period, plans, grid) };
    }

    /// <summary>Two thirds rectified through re-inspection; the rest still being worked on, waiting for re-inspection, reopened or untouched.</summary>
    private static HazardOutcome Outcome(int draw) => draw switch
    {
        < 68 => HazardOutcome.Rectified,
        < 78 => HazardOutcome.Submitted,
        < 88 => HazardOutcome.Rectifying,
        < 94 => HazardOutcome.Reopened,
        _ => HazardOutcome.Open,
    };

    private static readonly string[] ShopWords = ["鑫鑫", "福满多", "佳佳", "惠民", "家家乐", "顺发", "金源", "阳光", "康宁", "和顺", "向阳", "同心"];

    private static List<PlannedVenue> DrawRegister(Random random, bool full, GridPlan grid)
    {
        var venues = new List<PlannedVenue>();
        var names = new HashSet<string>();
        foreach (var (kind, fullCount, smallCount, area, capacity, grids) in Kinds)
        {
            for (var i = 0; i < (full ? fullCount : smallCount); i++)
            {
                var nineSmall = VenueNames.ContainsKey(kind);
                var place = grid.Grid(grids.Length > 0 ? grids[i % grids.Length] : grid.Grids[random.Next(grid.Grids.Count)].Code);
                string name;
                do
                {
                    name = nineSmall ? $"{random.Pick(ShopWords)}{random.Pick(VenueNames[kind])}"
                        : NaturalSpots[kind][i % NaturalSpots[kind].Length];
                }
                while (!names.Add(name));

                var male = random.Chance(0.6);
                venues.Add(new PlannedVenue(
                    place.Code, kind, name, nineSmall ? $"{place.Street}{random.Next(1, 300)}号" : $"{place.Estate}附近",
                    nineSmall ? ChineseNames.Person(random, male, random.Next(1960, 1998)) : kind == "ConstructionSite" ? "县城建投资公司项目部" : $"{place.Name}网格员",
                    nineSmall || kind == "ConstructionSite" ? random.MobileNumber() : null,
                    area > 0 ? Math.Round(area * (decimal)(0.4 + random.NextDouble() * 0.6), 1) : null,
                    capacity is { } most ? Math.Max(1, (int)(most * (0.5 + random.NextDouble() * 0.5))) : null,
                    nineSmall));
            }
        }

        return venues;
    }

    /// <summary>
    /// Four to six patrols a month for each plan, on different days, each on a day drawn for its month so the same
    /// patrol keeps its time whenever the plan is made; none after now, so a month still running may fall short (and
    /// counts as missed only once it is over).
    /// </summary>
    private static List<PlannedPatrol> DrawPatrols(int seed, DemoPeriod period, List<PlannedPatrolPlan> plans, GridPlan grid)
    {
        var patrols = new List<PlannedPatrol>();
        foreach (var plan in plans)
        {
            foreach (var month in period.Months())
            {
                var random = Seeded.For(seed, "patrols", plan.GridCode, plan.Kind, month.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture));
                var days = random.Shuffled(Enumerable.Range(0, DateTime.DaysInMonth(month.Year, month.Month))).Take(plan.TimesPerMonth + random.Next(0, 3)).Order();
                foreach (var day in days)
                {
                    var at = DemoPeriod.At(month.AddDays(day), random.Pick([8, 9, 15, 16]), random.Pick([0, 15, 30, 45]));
                    if (period.Holds(at))
                    {
                        var place = grid.Grid(plan.GridCode);
                        var route = plan.Kind == "ForestFire" ? "后山林地—水库—北坡防火通道" : $"{place.Estate}各楼栋—{place.Street}沿线—背街小巷";
                        patrols.Add(new PlannedPatrol(plan.GridCode, plan.Kind, at, route, random.Next(2, 6), place.Worker));
                    }
                }
            }
        }

        return patrols;
    }

    /// <summary>The Safety matters the hazards open on the grid's board, one each.</summary>
    public int HazardMatters => Hazards.Count();

    /// <summary>The hazards whose passed re-inspection closes their grid matter, which counts as resolved there.</summary>
    public int RectifiedHazardMatters => Hazards.Count(h => h.Outcome == HazardOutcome.Rectified);

    public void AddTruth(TruthBuilder truth, DemoPeriod period, int inspectionTasks)
    {
        truth.Add("safety.venues", Venues.Count).Add("safety.nineSmallVenues", Venues.Count(v => v.NineSmall));
        foreach (var kind in Venues.GroupBy(v => v.Kind))
        {
            truth.Add($"safety.venuesByKind.{kind.Key}", kind.Count());
        }

        truth.Add("safety.inspections", Inspections.Count);
        foreach (var kind in Inspections.GroupBy(i => i.Venue.Kind))
        {
            truth.Add($"safety.inspectionsByVenueKind.{kind.Key}.inspections", kind.Count())
                .Add($"safety.inspectionsByVenueKind.{kind.Key}.venuesInspected", kind.Select(i => i.Venue).Distinct().Count());
        }

        AddHazards(truth, "safety.hazards", [.. Hazards]);
        foreach (var severity in new[] { "General", "Major" })
        {
            AddHazards(truth, $"safety.hazardsBySeverity.{severity}", [.. Hazards.Where(h => h.Severity == severity)]);
        }

        truth.Add("safety.inspectionTasksRaised", inspectionTasks);
        foreach (var grid in PatrolPlans.GroupBy(p => p.GridCode))
        {
            var judged = grid.SelectMany(plan => period.Months().Select(month =>
            {
                var held = Patrols.Count(p => p.GridCode == plan.GridCode && p.Kind == plan.Kind && DemoPeriod.DateOf(p.PatrolledAt) is var day
                    && day.Year == month.Year && day.Month == month.Month);
                var finished = month.AddMonths(1).AddDays(-1) < period.Today;
                return (Attained: held >= plan.TimesPerMonth, Missed: finished && held < plan.TimesPerMonth);
            })).ToList();
            truth.Add($"safety.patrolQuotas.{grid.Key}.planMonths", judged.Count)
                .Add($"safety.patrolQuotas.{grid.Key}.attained", judged.Count(j => j.Attained))
                .Add($"safety.patrolQuotas.{grid.Key}.missed", judged.Count(j => j.Missed))
                .AddRate($"safety.patrolQuotas.{grid.Key}.attainmentRate", judged.Count(j => j.Attained), judged.Count);
        }
    }

    private static void AddHazards(TruthBuilder truth, string prefix, List<PlannedFailure> hazards)
    {
        var rectified = hazards.Count(h => h.Outcome == HazardOutcome.Rectified);
        truth.Add($"{prefix}.found", hazards.Count)
            .Add($"{prefix}.rectified", rectified)
            .Add($"{prefix}.open", hazards.Count - rectified)
            .Add($"{prefix}.overdue", 0)
            .AddRate($"{prefix}.rectificationRate", rectified, hazards.Count);
    }
}
