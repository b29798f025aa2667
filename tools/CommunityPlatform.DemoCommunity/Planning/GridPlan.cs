using System.Globalization;
using System.Text;

namespace CommunityPlatform.DemoCommunity.Planning;

internal sealed record PlannedGrid(string Code, string Name, string Estate, string Street, int Number, string Worker);

internal sealed record PlannedResident(string Name, string Gender, DateOnly BirthDate, string? Phone, string Relation, string? Role);

internal sealed record PlannedHousehold(string Room, IReadOnlyList<PlannedResident> Residents)
{
    public PlannedResident Head => Residents[0];
}

internal sealed record PlannedUnit(string Name, int Floors, IReadOnlyList<PlannedHousehold> Households);

internal sealed record PlannedBuilding(string GridCode, string Name, int Number, IReadOnlyList<PlannedUnit> Units)
{
    public IEnumerable<PlannedHousehold> Households => Units.SelectMany(u => u.Households);
}

internal sealed record PlannedBusiness(string GridCode, string Name, string Category, string Address, string Operator, string? Phone);

internal sealed record PlannedPartner(string Name, string? GridCode, string Contact, string Category, string Resource);

/// <summary>How far a matter goes through the 三事 loop in the plan.</summary>
internal enum MatterStage
{
    Reported,
    Returned,
    Accepted,
    Deliberating,
    Assigned,
    Resolved,
    Closed,
}

internal sealed record PlannedSession(string Venue, IReadOnlyList<string> Participants, string Minutes, string Decision);

/// <summary>A building vote: the building, and for each of its households (by room) its ballot — true, false, or none.</summary>
internal sealed record PlannedVote(PlannedBuilding Building, string Question, IReadOnlyList<(PlannedUnit Unit, PlannedHousehold Household, bool? Consent)> Ballots)
{
    public int Eligible => Ballots.Count;

    public int Consents => Ballots.Count(b => b.Consent == true);

    /// <summary>Two thirds of the eligible households, compared in whole numbers as the grid service does.</summary>
    public bool Passes => Eligible > 0 && (long)Consents * 3 >= 2L * Eligible;
}

internal sealed record PlannedMatter(
    string GridCode, string Category, string Location, string Description, string ReporterKind, string ReporterName, string Reporter, string Handler,
    MatterStage Stage, PlannedSession? Session, PlannedVote? Vote, string? Assignee, string? Resolution, int Satisfaction, string? ReturnReason,
    PartyPerson? HandlerMember)
{
    /// <summary>The stage the matter reaches: a failed vote leaves it in deliberation.</summary>
    public MatterStage Reached => Vote is { Passes: false } ? MatterStage.Deliberating : Stage;
}

internal sealed record PlannedWish(
    string GridCode, string Category, string Title, string Description, string PosterName, string Poster, string Handler, PartyPerson? ClaimingMember,
    string? ClaimingPartner, bool Claimed, bool Fulfilled);

internal sealed record PlannedCarePerson(
    string GridCode, string Category, string Risk, string Worker, int VisitIntervalDays, string Name, string IdNumber, string? Phone, string Address,
    string Circumstances, DateOnly VisitedOn);

/// <summary>
/// Grid governance (网格化治理): four grids and their estates, the buildings, units, households and residents of the
/// real community (2,300 households, 8,000 residents, 100 building heads, 168 unit heads), 300 small businesses, 8
/// partner units, the half year's matters through the 三事 loop and the deliberation room, micro-wishes, the care list.
/// </summary>
internal sealed class GridPlan
{
    public required IReadOnlyList<PlannedGrid> Grids { get; init; }

    public required IReadOnlyList<PlannedBuilding> Buildings { get; init; }

    public required IReadOnlyList<PlannedBusiness> Businesses { get; init; }

    public required IReadOnlyList<PlannedPartner> Partners { get; init; }

    public required IReadOnlyList<PlannedMatter> Matters { get; init; }

    public required IReadOnlyList<PlannedWish> Wishes { get; init; }

    public required IReadOnlyList<PlannedCarePerson> CareList { get; init; }

    public IEnumerable<PlannedHousehold> Households => Buildings.SelectMany(b => b.Households);

    public PlannedGrid Grid(string code) => Grids.Single(g => g.Code == code);

    public static GridPlan Make(int seed, DemoScale scale, DemoPeriod period, MembershipPlan membership)
    {
        var full = scale == DemoScale.Full;
        IReadOnlyList<PlannedGrid> grids =
        [
            new("G01", "第一网格", "常青苑", "常青路", 18, "gridworker"),
            new("G02", "第二网格", "幸福里", "幸福路", 88, "gridworker"),
            new("G03", "第三网格", "锦绣家园", "锦绣大道", 126, "gridworker2"),
            // No demo account works G04's grid: the office staff act for it.
            new("G04", "第四网格", "滨河花园", "滨河路", 9, "staff"),
        ];
        var buildings = DrawPlaces(Seeded.For(seed, "places"), grids, full ? [28, 26, 22, 24] : [3, 3, 2, 2], full ? 168 : 17, full ? 2300 : 40, full ? 8000 : 120);
        var partners = Vocabulary.PartnerUnits.Take(full ? 8 : 3)
            .Select((p, i) => new PlannedPartner(p.Name, i % 3 == 2 ? grids[i % 4].Code : null, $"{p.Name}党建联络员", p.Category, p.Resource)).ToList();
        var members = membership.Register.ToList();
        return new GridPlan
        {
            Grids = grids,
            Buildings = buildings,
            Businesses = DrawBusinesses(Seeded.For(seed, "businesses"), grids, full ? [80, 90, 60, 70] : [3, 3, 3, 3]),
            Partners = partners,
            Matters = DrawMatters(Seeded.For(seed, "matters", period.Year, period.Half), full, grids, buildings, members),
            Wishes = DrawWishes(Seeded.For(seed, "wishes", period.Year, period.Half), full, grids, buildings, members, partners),
            CareList = DrawCare(Seeded.For(seed, "care"), full, grids, buildings, period),
        };
    }

    /// <summary>
    /// Walk-up buildings of six or seven floors, one or two units each, two or three flats a floor; exactly the
    /// households asked for live in them (at least two a unit, so a unit head and the building head can differ) and
    /// exactly the residents asked for in the households.
    /// </summary>
    private static List<PlannedBuilding> DrawPlaces(Random random, IReadOnlyList<PlannedGrid> grids, int[] buildingsPerGrid, int units, int households, int residents)
    {
        var shapes = new List<(PlannedGrid Grid, int Number, int Units, int Floors, int PerFloor)>();
        var twoUnitBuildings = units - buildingsPerGrid.Sum();
        var withTwo = random.Shuffled(Enumerable.Range(0, buildingsPerGrid.Sum())).Take(twoUnitBuildings).ToHashSet();
        var index = 0;
        for (var g = 0; g < grids.Count; g++)
        {
            for (var n = 1; n <= buildingsPerGrid[g]; n++, index++)
            {
                shapes.Add((grids[g], n, withTwo.Contains(index) ? 2 : 1, random.Next(6, 8), random.Next(2, 4)));
            }
        }

        // Every flat of every unit, the first two of each unit always lived in, the rest drawn until the count is reached.
        var flats = shapes.SelectMany((s, b) => Enumerable.Range(1, s.Units).SelectMany(u =>
            Enumerable.Range(1, s.Floors).SelectMany(f => Enumerable.Range(1, s.PerFloor).Select(r => (Building: b, Unit: u, Room: $"{f}{r:00}"))))).ToList();
        if (flats.Count < households)
        {
            throw new InvalidOperationException($"The drawn buildings have {flats.Count} flats, fewer than the {households} households to house; choose another seed.");
        }

        var firstTwo = flats.GroupBy(f => (f.Building, f.Unit)).SelectMany(g => g.Take(2)).ToList();
        var occupied = firstTwo.Concat(random.Shuffled(flats.Except(firstTwo)).Take(households - firstTwo.Count)).ToHashSet();

        var sizes = Enumerable.Range(0, households).Select(_ => random.Pick([1, 2, 2, 3, 3, 3, 4, 4, 5, 6])).ToArray();
        while (sizes.Sum() != residents)
        {
            var i = random.Next(sizes.Length);
            sizes[i] = Math.Clamp(sizes[i] + (sizes.Sum() < residents ? 1 : -1), 1, 6);
        }

        var size = 0;
        var buildings = new List<PlannedBuilding>();
        for (var b = 0; b < shapes.Count; b++)
        {
            var shape = shapes[b];
            var plannedUnits = new List<PlannedUnit>();
            for (var u = 1; u <= shape.Units; u++)
            {
                var rooms = flats.Where(f => f.Building == b && f.Unit == u && occupied.Contains(f)).Select(f => f.Room).ToList();
                var homes = rooms.Select((room, i) =>
                {
                    var role = (u, i) switch { (1, 0) => "楼栋长", (_, 1) => "单元长", _ => null };
                    return new PlannedHousehold(room, Household(random, sizes[size++], role));
                }).ToList();
                plannedUnits.Add(new PlannedUnit($"{u}单元", shape.Floors, homes));
            }

            buildings.Add(new PlannedBuilding(shape.Grid.Code, $"{shape.Grid.Estate}{shape.Number}栋", shape.Number, plannedUnits));
        }

        return buildings;
    }

    /// <summary>A household: its head (户主) first, then spouse, children, a parent or grandchildren as the head's age allows.</summary>
    private static List<PlannedResident> Household(Random random, int size, string? headRole)
    {
        var epoch = MembershipPlan.RegistryEpoch.Year;
        var headAge = random.Next(26, 86);
        var male = random.Chance(0.7);
        var surname = ChineseNames.Surname(random);
        var names = new HashSet<string>();
        PlannedResident Person(string relation, int age, bool isMale, bool ownSurname, string? role = null)
        {
            var born = new DateOnly(epoch - age, random.Next(1, 13), random.Next(1, 29));
            string name;
            do
            {
                name = (ownSurname ? ChineseNames.Surname(random) : surname) + ChineseNames.GivenName(random, isMale, born.Year);
            }
            while (!names.Add(name));

            return new PlannedResident(name, isMale ? "男" : "女", born, age >= 18 && random.Chance(relation == "户主" ? 0.7 : 0.3) ? random.MobileNumber() : null, relation, role);
        }

        var people = new List<PlannedResident> { Person("户主", headAge, male, ownSurname: false, headRole) };
        if (size >= 2 && headAge >= 24 && random.Chance(0.85))
        {
            people.Add(Person("配偶", Math.Clamp(headAge + random.Next(-4, 4), 22, 95), !male, ownSurname: true));
        }

        while (people.Count < size)
        {
            var (relation, age) = headAge switch
            {
                >= 58 when random.Chance(0.35) => ("孙子女", random.Next(1, 16)),
                < 50 when random.Chance(0.2) => ("父母", Math.Min(95, headAge + random.Next(24, 32))),
                _ => ("子女", Math.Max(1, headAge - random.Next(22, 34))),
            };
            people.Add(Person(relation, age, random.Chance(0.5), ownSurname: relation == "父母" && random.Chance(0.5)));
        }

        return people;
    }

    private static readonly (string Category, string[] Kinds)[] Trades =
    [
        ("餐饮", ["面馆", "小吃店", "早餐店", "包子铺", "家常菜馆", "烧烤店", "饺子馆", "米粉店"]),
        ("零售", ["便利店", "超市", "水果店", "粮油店", "烟酒店", "文具店", "母婴店", "茶叶店"]),
        ("美容美发", ["理发店", "美发沙龙", "美甲店"]),
        ("维修", ["家电维修部", "修车行", "开锁店", "手机维修店"]),
        ("医药", ["大药房", "药店"]),
        ("五金建材", ["五金店", "建材店", "灯具店"]),
        ("生活服务", ["洗衣店", "快递驿站", "打印店", "花店", "照相馆", "家政服务部"]),
    ];

    private static readonly string[] ShopWords =
    [
        "鑫鑫", "福满多", "佳佳", "好邻居", "兴旺", "惠民", "家家乐", "顺发", "万家福", "金源", "阳光", "便民", "百姓", "红星", "鸿运", "如意", "吉祥",
        "老街坊", "乐家", "优品", "新时代", "康宁", "和顺", "永丰", "春风", "隆昌", "嘉禾", "同心", "益民", "向阳",
    ];

    private static List<PlannedBusiness> DrawBusinesses(Random random, IReadOnlyList<PlannedGrid> grids, int[] perGrid)
    {
        var names = new HashSet<string>();
        var businesses = new List<PlannedBusiness>();
        for (var g = 0; g < grids.Count; g++)
        {
            for (var i = 0; i < perGrid[g]; i++)
            {
                var (category, kinds) = random.Pick(Trades);
                string name;
                do
                {
                    var kind = random.Pick(kinds);
                    name = category == "餐饮" && random.Chance(0.5) ? $"{ChineseNames.Surname(random)}记{kind}" : $"{random.Pick(ShopWords)}{kind}";
                }
                while (!names.Add(name));

                var grid = grids[g];
                var operatorBorn = random.Next(1960, 2000);
                var male = random.Chance(0.55);
                businesses.Add(new PlannedBusiness(grid.Code, name, category, $"{grid.Street}{random.Next(1, 300)}号", ChineseNames.Person(random, male, operatorBorn),
                    random.Chance(0.8) ? random.MobileNumber() : null));
            }
        }

        return businesses;
    }

    /// <summary>
    /// The half year's matters: the disputes the deliberation room settled (33 in the real report), one still being
    /// handled, petitions, elevator retrofits put to a building vote (one carried, one not), and a few of the other
    /// categories at every stage of the loop.
    /// </summary>
    private static List<PlannedMatter> DrawMatters(Random random, bool full, IReadOnlyList<PlannedGrid> grids, List<PlannedBuilding> buildings, List<PartyPerson> members)
    {
        var matters = new List<PlannedMatter>();
        var descriptions = new HashSet<string>();
        (PlannedGrid Grid, string Location, PlannedResident Resident) Somewhere(string? gridCode = null)
        {
            var building = random.Pick(buildings.Where(b => gridCode is null || b.GridCode == gridCode).ToList());
            var unit = random.Pick(building.Units);
            var household = random.Pick(unit.Households);
            return (grids.Single(g => g.Code == building.GridCode), $"{building.Name}{unit.Name}{household.Room}", household.Head);
        }

        PlannedMatter Matter(string category, string issue, MatterStage stage, string? gridCode = null, PlannedSession? session = null, string? assignee = null,
            string? resolution = null, string? reporter = null, string? returnReason = null)
        {
            string description;
            (PlannedGrid Grid, string Location, PlannedResident Resident) place;
            do
            {
                place = Somewhere(gridCode);
                description = $"{place.Location}：{issue}";
            }
            while (!descriptions.Add(description));

            var (kind, name) = random.Next(4) switch
            {
                0 => ("楼栋长", place.Resident.Name),
                1 => ("单元长", place.Resident.Name),
                2 => ("居民", place.Resident.Name),
                _ => ("网格员", place.Grid.Worker == "gridworker2" ? "李秀梅" : place.Grid.Worker == "gridworker" ? "张志强" : "王晓燕"),
            };
            var handlerMember = members.Where(m => m.GridCode == place.Grid.Code).OrderBy(m => m.Key, StringComparer.Ordinal).Skip(random.Next(3)).FirstOrDefault();
            return new PlannedMatter(place.Grid.Code, category, place.Location, description, kind, name, reporter ?? place.Grid.Worker, place.Grid.Worker, stage,
                session, null, assignee, resolution, random.Next(4, 6), returnReason, assignee is null ? null : handlerMember);
        }

        PlannedSession Room(string decision) => new(
            "DeliberationRoom",
            [.. random.Shuffled(Vocabulary.DeliberationParticipants).Take(random.Next(3, 6))],
            $"在{Vocabulary.DeliberationRoom}召集双方当事人和居民代表议事，听取各方意见，依法依规协商。", decision);

        var settled = full ? 33 : 3;
        for (var i = 0; i < settled; i++)
        {
            var issue = Vocabulary.DisputeIssues[i % Vocabulary.DisputeIssues.Length];
            var decision = random.Pick(Vocabulary.DisputeDecisions);
            matters.Add(Matter("Dispute", issue, MatterStage.Closed, session: Room(decision), assignee: "社区人民调解委员会", resolution: $"已按议事决定落实：{decision}"));
        }

        if (full)
        {
            matters.Add(Matter("Dispute", Vocabulary.DisputeIssues[^1], MatterStage.Assigned, assignee: "物业服务中心"));
        }

        var others = full ? Vocabulary.OtherMatters : Vocabulary.OtherMatters.Where(m => m.Category is "Petition" or "Environment" or "Safety").DistinctBy(m => m.Category);
        foreach (var (category, issue, handler, resolution) in others)
        {
            var stage = (category, full) switch
            {
                ("Petition", _) when issue.Contains("油烟", StringComparison.Ordinal) => MatterStage.Returned,
                ("Environment", _) when issue.Contains("绿化", StringComparison.Ordinal) => MatterStage.Resolved,
                ("Property", _) => MatterStage.Assigned,
                ("Safety", _) => MatterStage.Accepted,
                ("Other", _) => MatterStage.Reported,
                _ => MatterStage.Closed,
            };
            // The resident account (周桂英, G02) reports the rubbish point herself, from her phone.
            var byResident = category == "Environment" && stage == MatterStage.Closed;
            var matter = Matter(category, issue, stage, byResident ? "G02" : null, assignee: stage >= MatterStage.Assigned ? handler : null,
                resolution: stage >= MatterStage.Resolved ? resolution : null, reporter: byResident ? "resident" : null,
                returnReason: stage == MatterStage.Returned ? "属于市场监管部门职责，已转县市场监督管理局办理并告知反映人" : null);
            matters.Add(byResident ? matter with { ReporterKind = "居民", ReporterName = "周桂英" } : matter);
        }

        // Elevator retrofits: a building meeting, then the building's households vote; the share needed is two thirds.
        var elevatorBuildings = buildings.Where(b => b.Households.Count() >= 3).OrderByDescending(b => b.Units[0].Floors).ThenByDescending(b => b.Households.Count())
            .Take(full ? 2 : 1).ToList();
        for (var i = 0; i < elevatorBuildings.Count; i++)
        {
            var building = elevatorBuildings[i];
            var carried = i == 0;
            var homes = building.Units.SelectMany(u => u.Households.Select(h => (Unit: u, Household: h))).ToList();
            var consenting = carried ? (int)Math.Ceiling(homes.Count * 0.8) : homes.Count / 2;
            var ballots = homes.Select((h, n) => (h.Unit, h.Household, n < consenting ? true : n < homes.Count - 1 ? false : (bool?)null)).ToList();
            var vote = new PlannedVote(building, $"{building.Name}是否同意加装电梯", ballots);
            var session = new PlannedSession("BuildingMeeting", ["楼栋长", "网格员", "居民代表", "县住建局工作人员"],
                $"{building.Name}楼栋议事会讨论加装电梯方案、费用分摊和低楼层住户补偿。", "方案提交全楼住户表决，同意户数达到三分之二即实施");
            var grid = grids.Single(g => g.Code == building.GridCode);
            var unit = building.Units[0];
            matters.Add(new PlannedMatter(grid.Code, "ElevatorRetrofit", $"{building.Name}", $"{building.Name}：住户申请加装电梯，低楼层住户存在异议",
                "楼栋长", unit.Households[0].Head.Name, grid.Worker, grid.Worker, MatterStage.Resolved, session, vote, "县住建局电梯加装办公室",
                "表决通过，已办理加装电梯审批手续并进场施工", 5, null, null));
        }

        return matters;
    }

    private static List<PlannedWish> DrawWishes(
        Random random, bool full, IReadOnlyList<PlannedGrid> grids, List<PlannedBuilding> buildings, List<PartyPerson> members, List<PlannedPartner> partners)
    {
        var (posted, claimed, fulfilled) = full ? (20, 18, 15) : (3, 2, 1);
        return [.. Vocabulary.Wishes.Take(posted).Select((w, i) =>
        {
            var grid = grids[i % grids.Count];
            var byResident = i == 1;
            var household = random.Pick(buildings.Where(b => b.GridCode == grid.Code).SelectMany(b => b.Households).ToList());
            var partner = partners.FirstOrDefault(p => p.Category == w.Category);
            var member = members.Where(m => m.GridCode == grid.Code).OrderBy(m => m.Key, StringComparer.Ordinal).Skip(i % 3).FirstOrDefault() ?? members[i % members.Count];
            var claim = i < claimed;
            return new PlannedWish(
                byResident ? "G02" : grid.Code, w.Category, w.Title, w.Description, byResident ? "周桂英" : household.Head.Name, byResident ? "resident" : grid.Worker,
                byResident ? "gridworker" : grid.Worker, claim && partner is null ? member : null, claim ? partner?.Name : null, claim, i < fulfilled);
        })];
    }

    private static List<PlannedCarePerson> DrawCare(Random random, bool full, IReadOnlyList<PlannedGrid> grids, List<PlannedBuilding> buildings, DemoPeriod period)
    {
        var people = new List<PlannedCarePerson>();
        // Category, people in the real community, days between visits, what the record says of them.
        (string Category, int Count, int Interval, string Circumstances)[] kinds =
        [
            ("MentalIllness", 16, 14, "在册管理，按时服药，家属监护"),
            ("ReleasedPrisoner", 10, 30, "刑满释放后回归社区，已落实帮教"),
            ("CommunityCorrection", 5, 7, "社区矫正期间，定期报到"),
        ];
        foreach (var (category, inCommunity, interval, circumstances) in kinds)
        {
            var count = full ? inCommunity : Math.Max(1, inCommunity / 8);
            for (var i = 0; i < count; i++)
            {
                var grid = grids[(people.Count + i) % grids.Count];
                var building = random.Pick(buildings.Where(b => b.GridCode == grid.Code).ToList());
                var unit = random.Pick(building.Units);
                var household = random.Pick(unit.Households);
                var born = new DateOnly(random.Next(1955, 2000), random.Next(1, 13), random.Next(1, 29));
                var male = random.Chance(0.7);
                var worker = grid.Worker == "staff" ? "secretary" : grid.Worker;
                var visited = period.To.AddDays(-random.Next(0, Math.Min(interval, period.To.DayNumber - period.From.DayNumber + 1)));
                people.Add(new PlannedCarePerson(
                    grid.Code, category, random.Pick(["Low", "Medium", "High"]), worker, interval, ChineseNames.Person(random, male, born.Year),
                    IdNumber(random, born, male), random.Chance(0.6) ? random.MobileNumber() : null,
                    $"{grid.Street}{grid.Number}号{building.Number}栋{unit.Name}{household.Room}", circumstances, visited));
            }
        }

        return people;
    }

    /// <summary>An 18-character resident ID number with a valid check character (GB 11643), in the county's area code.</summary>
    private static string IdNumber(Random random, DateOnly born, bool male)
    {
        var sequence = random.Next(0, 50) * 2 + (male ? 1 : 0);
        var body = $"360781{born:yyyyMMdd}{random.Next(10, 100)}{sequence % 10}";
        int[] weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
        var sum = body.Select((c, i) => (c - '0') * weights[i]).Sum();
        return body + "10X98765432"[sum % 11];
    }

    /// <summary>The residents of one grid as the CSV import reads them (UTF-8, the Chinese headers).</summary>
    public string ResidentsCsv(string gridCode)
    {
        var csv = new StringBuilder("网格,楼栋,单元,房号,姓名,性别,出生日期,联系电话,与户主关系,职务\n");
        foreach (var building in Buildings.Where(b => b.GridCode == gridCode))
        {
            foreach (var unit in building.Units)
            {
                foreach (var household in unit.Households)
                {
                    foreach (var r in household.Residents)
                    {
                        csv.Append(CultureInfo.InvariantCulture,
                            $"{gridCode},{building.Name},{unit.Name},{household.Room},{r.Name},{r.Gender},{r.BirthDate:yyyy-MM-dd},{r.Phone},{r.Relation},{r.Role}\n");
                    }
                }
            }
        }

        return csv.ToString();
    }

    /// <summary>Matters another service opens on the grid's board: a hazard's, a patrol observation's (category Safety, never resolved by hand).</summary>
    public void AddTruth(TruthBuilder truth, int hazardMatters, int rectifiedHazardMatters, int observationMatters)
    {
        truth.Add("grid.community.grids", Grids.Count)
            .Add("grid.community.buildings", Buildings.Count)
            .Add("grid.community.households", Households.Count())
            .Add("grid.community.residents", Households.Sum(h => h.Residents.Count))
            .Add("grid.community.businesses", Businesses.Count)
            .Add("grid.community.buildingHeads", Households.Count(h => h.Head.Role == "楼栋长"))
            .Add("grid.community.unitHeads", Households.Count(h => h.Head.Role == "单元长"))
            .Add("grid.community.partnerUnits", Partners.Count);

        var resolved = Matters.Where(m => m.Reached >= MatterStage.Resolved).ToList();
        foreach (var category in new[] { "Dispute", "Petition", "ElevatorRetrofit", "Environment", "Property", "Safety", "Other" })
        {
            var opened = category == "Safety" ? hazardMatters + observationMatters : 0;
            var closedByHazard = category == "Safety" ? rectifiedHazardMatters : 0;
            truth.Add($"grid.matters.byCategory.{category}.reported", Matters.Count(m => m.Category == category) + opened)
                .Add($"grid.matters.byCategory.{category}.resolved", resolved.Count(m => m.Category == category) + closedByHazard)
                .Add($"grid.matters.byCategory.{category}.overdue", 0);
        }

        truth.Add("grid.matters.reported", Matters.Count + hazardMatters + observationMatters)
            .Add("grid.matters.resolved", resolved.Count + rectifiedHazardMatters)
            .Add("grid.matters.overdue", 0);

        var deliberated = Matters.Where(m => m.Session is not null).ToList();
        truth.Add("grid.deliberation.sessions", deliberated.Count)
            .Add("grid.deliberation.byVenue.DeliberationRoom", deliberated.Count(m => m.Session!.Venue == "DeliberationRoom"))
            .Add("grid.deliberation.byVenue.BuildingMeeting", deliberated.Count(m => m.Session!.Venue == "BuildingMeeting"))
            .Add("grid.deliberation.mattersDeliberated", deliberated.Count)
            .Add("grid.deliberation.deliberatedMattersResolved", deliberated.Count(m => m.Reached >= MatterStage.Resolved))
            .Add("grid.deliberation.votesClosed", Matters.Count(m => m.Vote is not null))
            .Add("grid.deliberation.votesPassed", Matters.Count(m => m.Vote is { Passes: true }));

        truth.Add("grid.microWishes.posted", Wishes.Count)
            .Add("grid.microWishes.claimed", Wishes.Count(w => w.Claimed))
            .Add("grid.microWishes.fulfilled", Wishes.Count(w => w.Fulfilled))
            .Add("grid.microWishes.openNow", Wishes.Count(w => !w.Claimed));

        truth.Add("grid.careList.total", CareList.Count);
        foreach (var category in new[] { "MentalIllness", "ReleasedPrisoner", "CommunityCorrection", "KeyPetitioner", "OtherCare" })
        {
            truth.Add($"grid.careList.byCategory.{category}", CareList.Count(p => p.Category == category));
        }
    }
}
