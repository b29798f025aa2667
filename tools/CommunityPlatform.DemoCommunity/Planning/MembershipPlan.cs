namespace CommunityPlatform.DemoCommunity.Planning;

/// <summary>A party member or applicant as the branch's register knows them; found again by name and birth date.</summary>
internal sealed record PartyPerson(string Name, string Gender, DateOnly BirthDate, string Education, string OrganisationCode, string GridCode, string? Phone)
{
    public string Key => PersonKey(Name, BirthDate);

    public bool College => Education is "大专" or "本科" or "研究生";

    public static string PersonKey(string name, DateOnly birthDate) => $"{name}|{birthDate:yyyy-MM-dd}";

    /// <summary>Whole years completed on <paramref name="day"/>, counted back from the day as the services count.</summary>
    public int AgeOn(DateOnly day)
    {
        var age = day.Year - BirthDate.Year;
        return BirthDate > day.AddYears(-age) ? age - 1 : age;
    }

    public string Cohort(DateOnly day) => AgeOn(day) switch
    {
        < 35 => "Under35",
        < 50 => "From35To50",
        <= 60 => "From50To60",
        _ => "Over60",
    };
}

/// <param name="FoundedOn">
/// The day the organisation's ledger starts (台账起始日), which meeting cadences are judged from: the half year's first
/// day, since the demo enters the ledger from then — every organisation was founded before it (see the elections).
/// </param>
internal sealed record PlannedOrganisation(string Code, string Name, string Kind, string? ParentCode, DateOnly? ElectedOn, DateOnly FoundedOn);

internal sealed record PlannedMember(PartyPerson Person, DateOnly JoinedOn);

internal sealed record PlannedPost(string OrganisationCode, PartyPerson Member, string Post, DateOnly StartOn);

internal sealed record PlannedCadre(PartyPerson Member, DateOnly Since, string PreparedFor);

/// <summary>One person's way in (发展党员); a step whose date has not come is null.</summary>
internal sealed record PlannedApplicant(
    PartyPerson Person, DateOnly AppliedOn, DateOnly? ActivistOn, IReadOnlyList<PartyPerson> Contacts, DateOnly? CandidateOn, DateOnly? AdmittedOn,
    IReadOnlyList<PartyPerson> Sponsors);

internal sealed record PlannedAttendance(PartyPerson Member, bool Present, string? Reason, DateOnly? MadeUpOn, string? Note);

internal sealed record PlannedMeeting(
    string OrganisationCode, string Kind, string Title, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string Location, string Topic, string Minutes,
    IReadOnlyList<PlannedAttendance> Attendance)
{
    public DateOnly HeldOn => DemoPeriod.DateOf(StartsAt);
}

internal sealed record PlannedRectification(
    string Source, string Category, string Finding, string Owner, DateOnly Deadline, string Measures, DateOnly CompletedOn, string Progress, string Evidence);

/// <summary>
/// The party side (党建): the general branch's tree, its 76 members (36 with college education or above, 41 under 35)
/// and committees, reserve cadres, the half year's new members through the pipeline, organisational life with
/// attendance, and the county inspection's rectification list.
/// </summary>
internal sealed class MembershipPlan
{
    public const string GeneralBranch = "CQ-ZZB";
    private const string GridBranch = "CQ-WGZB";
    private const string PropertyBranch = "CQ-WYZB";
    private const string OwnersBranch = "CQ-YWHZB";

    /// <summary>
    /// The day the register's ages are drawn for. The register does not depend on the half year asked for, so
    /// running for another half adds that half's activity to the same people; birthdays fall in January–June, so ages
    /// stay the same through the second half of the epoch's year.
    /// </summary>
    public static readonly DateOnly RegistryEpoch = new(2026, 12, 31);

    private static readonly string[] Grids = ["G01", "G02", "G03", "G04"];

    public required IReadOnlyList<PlannedOrganisation> Organisations { get; init; }

    public required IReadOnlyList<PlannedMember> Members { get; init; }

    public required IReadOnlyList<PlannedPost> Posts { get; init; }

    public required IReadOnlyList<PlannedCadre> Cadres { get; init; }

    public required IReadOnlyList<PlannedApplicant> Applicants { get; init; }

    public required IReadOnlyList<PlannedMeeting> Meetings { get; init; }

    public required IReadOnlyList<PlannedRectification> Rectifications { get; init; }

    /// <summary>Everyone the register holds once the plan has run: the members registered and those admitted in the half year.</summary>
    public IEnumerable<PartyPerson> Register => Members.Select(m => m.Person).Concat(Applicants.Where(a => a.AdmittedOn is not null).Select(a => a.Person));

    public static MembershipPlan Make(int seed, DemoScale scale, DemoPeriod period)
    {
        var full = scale == DemoScale.Full;
        var groups = full ? 4 : 1;
        var organisations = new List<PlannedOrganisation>
        {
            new(GeneralBranch, "常青社区党总支", "GeneralBranch", null, new DateOnly(2024, 3, 18), period.From),
            new(GridBranch, "常青社区网格党支部", "Branch", GeneralBranch, new DateOnly(2025, 4, 10), period.From),
            new(PropertyBranch, "常青物业服务企业党支部", "Branch", GeneralBranch, new DateOnly(2025, 4, 10), period.From),
            new(OwnersBranch, "常青社区业委会党支部", "Branch", GeneralBranch, new DateOnly(2025, 9, 26), period.From),
        };
        organisations.AddRange(Enumerable.Range(1, groups).Select(g => new PlannedOrganisation(
            $"{GridBranch}-{g}", $"第{"一二三四"[g - 1]}网格党小组", "PartyGroup", GridBranch, null, period.From)));

        var names = new HashSet<string>(StringComparer.Ordinal);
        var members = RegisterMembers(Seeded.For(seed, "members"), full, groups, names);
        var (posts, cadres) = DrawOffices(Seeded.For(seed, "offices"), full, members, organisations, period);
        var applicants = DrawPipeline(seed, full, period, members, posts, names);
        var register = members.Select(m => m.Person).ToList();
        var admitted = applicants.Where(a => a.AdmittedOn is not null).ToDictionary(a => a.Person, a => a.AdmittedOn!.Value);
        var meetings = DrawMeetings(seed, full, period, groups, register, admitted, posts.Where(p => p.OrganisationCode == GeneralBranch).Select(p => p.Member).ToList());
        return new MembershipPlan
        {
            Organisations = organisations,
            Members = members,
            Posts = posts,
            Cadres = cadres,
            Applicants = applicants,
            Meetings = meetings,
            Rectifications = DrawRectifications(Seeded.For(seed, "rectification", period.Year, period.Half), full, period),
        };
    }

    /// <summary>The members registered before the half year, by age cohort and education as the report counts them.</summary>
    private static List<PlannedMember> RegisterMembers(Random random, bool full, int groups, HashSet<string> names)
    {
        // (lowest age, highest age, college or above, high school, junior or below) per cohort on the epoch.
        (int From, int To, int College, int High, int Junior)[] cohorts = full
            ? [(23, 34, 22, 13, 2), (36, 49, 7, 8, 2), (51, 59, 2, 4, 3), (62, 80, 1, 3, 5)]
            : [(23, 34, 4, 1, 0), (36, 49, 2, 1, 0), (51, 59, 1, 0, 0), (62, 80, 0, 0, 1)];
        var people = new List<(int Age, string Education)>();
        foreach (var (from, to, college, high, junior) in cohorts)
        {
            people.AddRange(Enumerable.Range(0, college).Select(_ => (random.Next(from, to + 1), random.Pick(CollegeDegrees(from)))));
            people.AddRange(Enumerable.Range(0, high).Select(_ => (random.Next(from, to + 1), "高中")));
            people.AddRange(Enumerable.Range(0, junior).Select(_ => (random.Next(from, to + 1), "初中及以下")));
        }

        return [.. people.Select(p =>
        {
            var male = random.Chance(p.Age >= 50 ? 0.6 : 0.5);
            var born = new DateOnly(RegistryEpoch.Year - p.Age, random.Next(1, 7), random.Next(1, 29));
            var joinedAge = Math.Min(p.Age - 1, 20 + random.Next(Math.Max(1, p.Age - 21)));
            var joined = born.AddYears(joinedAge).AddDays(random.Next(0, 300));
            var cap = new DateOnly(2025, 6, 30);
            var group = random.Next(1, groups + 1);
            var person = new PartyPerson(
                ChineseNames.Unique(random, male, born.Year, names), male ? "男" : "女", born, p.Education, $"{GridBranch}-{group}", Grids[(group - 1) % Grids.Length],
                random.Chance(0.7) ? random.MobileNumber() : null);
            return new PlannedMember(person, joined < cap ? joined : cap);
        })];
    }

    private static string[] CollegeDegrees(int age) => age < 35 ? ["大专", "本科", "本科", "本科", "研究生"] : ["大专", "大专", "本科"];

    /// <summary>The committees (the general branch's five, all with college degrees; each branch's) and the reserve cadres under 35.</summary>
    private static (List<PlannedPost> Posts, List<PlannedCadre> Cadres) DrawOffices(
        Random random, bool full, List<PlannedMember> members, List<PlannedOrganisation> organisations, DemoPeriod period)
    {
        var free = members.Select(m => m.Person).ToList();
        var epoch = RegistryEpoch;
        // Someone who fits the office, or anyone still free when a small register has no one who does.
        PartyPerson Take(Func<PartyPerson, bool> fits, string organisation)
        {
            var fitting = free.Where(fits).ToList();
            var person = random.Pick(fitting.Count > 0 ? fitting : free);
            free.Remove(person);
            var moved = person with { OrganisationCode = organisation, GridCode = organisation == GeneralBranch ? Grids[free.Count % Grids.Length] : person.GridCode };
            members[members.FindIndex(m => m.Person == person)] = members.First(m => m.Person == person) with { Person = moved };
            return moved;
        }

        var elected = organisations.Where(o => o.ElectedOn is not null).ToDictionary(o => o.Code, o => o.ElectedOn!.Value);
        var posts = new List<PlannedPost>();
        void Appoint(string organisation, string post, Func<PartyPerson, bool> fits) =>
            posts.Add(new PlannedPost(organisation, Take(fits, organisation), post, elected[organisation]));

        Appoint(GeneralBranch, "书记", p => p.College && p.AgeOn(epoch) is >= 35 and < 50);
        Appoint(GeneralBranch, "副书记", p => p.College && p.AgeOn(epoch) is >= 35 and < 50);
        Appoint(GeneralBranch, "组织委员", p => p.College && p.AgeOn(epoch) < 35);
        Appoint(GeneralBranch, "宣传委员", p => p.College && p.AgeOn(epoch) < 35);
        Appoint(GeneralBranch, "纪检委员", p => p.College && p.AgeOn(epoch) >= 50);

        // Reserve cadres next, before the branches' offices can take the last young graduates.
        var cadres = free.Where(p => p.College && p.AgeOn(epoch) < 35).Take(full ? 3 : 1).ToList()
            .Select((p, i) => new PlannedCadre(p, Min(period.To, random.Day(period.From, period.From.AddMonths(2))), Vocabulary.ReserveCadrePosts[i % 3]))
            .ToList();
        free.RemoveAll(p => cadres.Any(c => c.Member == p));
        var branchPosts = full
            ? new[]
            {
                (GridBranch, "书记"), (GridBranch, "组织委员"), (GridBranch, "宣传委员"), (PropertyBranch, "书记"), (PropertyBranch, "组织委员"),
                (OwnersBranch, "书记"),
            }
            : [(GridBranch, "书记"), (PropertyBranch, "书记")];
        foreach (var (organisation, post) in branchPosts)
        {
            Appoint(organisation, post, p => p.AgeOn(epoch) is >= 30 and < 60);
        }

        // The rest of the property and owners' committee branches' members; everyone else stays in their grid's party group.
        foreach (var (organisation, count) in full ? new[] { (PropertyBranch, 8), (OwnersBranch, 5) } : [(PropertyBranch, 0), (OwnersBranch, 1)])
        {
            for (var i = 0; i < count; i++)
            {
                Take(p => p.AgeOn(epoch) >= 35, organisation);
            }
        }

        return (posts, cadres);
    }

    /// <summary>
    /// The half year's way in: new members under 35 with college degrees admitted (four in the real community), and
    /// new applications. Every date keeps the one-year rules; a step whose day has not come by the end of the
    /// period is left for later.
    /// </summary>
    private static List<PlannedApplicant> DrawPipeline(int seed, bool full, DemoPeriod period, List<PlannedMember> members, List<PlannedPost> posts, HashSet<string> names)
    {
        var random = Seeded.For(seed, "pipeline", period.Year, period.Half);
        var committee = posts.Where(p => p.OrganisationCode == GeneralBranch).Select(p => p.Member).ToList();
        var applicants = new List<PlannedApplicant>();
        DateOnly? Until(DateOnly day) => day <= period.To ? day : null;
        for (var i = 0; i < (full ? 4 : 2); i++)
        {
            var admitted = period.From.AddMonths(1 + i).AddDays(random.Next(0, 25));
            var candidate = admitted.AddDays(-random.Next(30, 60));
            var activist = candidate.AddYears(-1).AddDays(-random.Next(10, 90));
            var applied = activist.AddDays(-random.Next(90, 200));
            var person = NewPerson(random, names, age: random.Next(24, 33), college: true, period);
            applicants.Add(new PlannedApplicant(
                person, applied, activist, [committee[2]], Until(candidate), Until(candidate) is null ? null : Until(admitted), [committee[0], committee[3]]));
        }

        for (var i = 0; i < (full ? 3 : 1); i++)
        {
            var applied = period.From.AddDays(random.Next(0, 60));
            var activist = applied.AddMonths(3).AddDays(random.Next(0, 20));
            var person = NewPerson(random, names, age: random.Next(20, 40), college: random.Chance(0.5), period);
            applicants.Add(new PlannedApplicant(person, applied, i < 2 ? Until(activist) : null, [committee[2]], null, null, []));
        }

        return [.. applicants.Where(a => a.AppliedOn <= period.To)];
    }

    private static PartyPerson NewPerson(Random random, HashSet<string> names, int age, bool college, DemoPeriod period)
    {
        var male = random.Chance(0.5);
        var born = new DateOnly(period.From.Year - age - 1, random.Next(1, 13), random.Next(1, 29));
        var education = college ? random.Pick(CollegeDegrees(age)) : random.Pick(["高中", "高中", "初中及以下"]);
        var group = random.Next(1, 5);
        return new PartyPerson(ChineseNames.Unique(random, male, born.Year, names), male ? "男" : "女", born, education, GridBranch, Grids[group - 1],
            random.MobileNumber());
    }

    /// <summary>
    /// Organisational life in the half year: monthly committee meetings and theme party days, quarterly general
    /// meetings and party lectures, five study sessions on the 20th Party Congress and three briefings by visiting
    /// leaders (two and one at small scale), a meeting of each party group. Each meeting falls in a month slot of the
    /// half year on a day drawn for that slot, so the same meeting keeps its day whenever the plan is made; one not
    /// yet held by the end of the period is left out.
    /// </summary>
    private static List<PlannedMeeting> DrawMeetings(
        int seed, bool full, DemoPeriod period, int groups, List<PartyPerson> register, Dictionary<PartyPerson, DateOnly> admitted, List<PartyPerson> committee)
    {
        var meetings = new List<PlannedMeeting>();
        var all = register.Concat(admitted.Keys).ToList();
        void Add(string kind, int slot, int index, int hour, int minutes, string organisation, string title, string topic, IReadOnlyList<PartyPerson> invited)
        {
            var random = Seeded.For(seed, "meeting", period.Year, period.Half, kind, slot, index);
            var month = period.From.AddMonths(slot);
            var day = month.AddDays(random.Next(0, 28));
            var starts = DemoPeriod.At(day, hour, random.Pick([0, 30]));
            if (!period.Holds(day) || starts > period.Now)
            {
                return;
            }

            var attendance = invited.Where(p => !admitted.TryGetValue(p, out var on) || on <= day).Select(p =>
            {
                var absent = random.Chance(p.AgeOn(day) >= 70 ? 0.2 : 0.07);
                if (!absent)
                {
                    return new PlannedAttendance(p, true, null, null, null);
                }

                var madeUp = day.AddDays(random.Next(3, 21));
                return random.Chance(0.6) && madeUp <= period.To
                    ? new PlannedAttendance(p, false, random.Pick(Vocabulary.AbsenceReasons), madeUp, random.Pick(Vocabulary.MakeUpNotes))
                    : new PlannedAttendance(p, false, random.Pick(Vocabulary.AbsenceReasons), null, null);
            }).ToList();
            var location = kind is "CommitteeMeeting" or "PartyGroupMeeting" ? "党员活动室" : Vocabulary.ServiceCentre;
            meetings.Add(new PlannedMeeting(organisation, kind, title, starts, starts.AddMinutes(minutes), location, topic,
                $"{topic}。应到{attendance.Count}人，实到{attendance.Count(a => a.Present)}人。会议由{committee[0].Name}主持，与会党员结合社区工作交流了体会。", attendance));
        }

        string MonthTitle(int slot, string what) => $"{period.From.AddMonths(slot):yyyy年M月}{what}";
        for (var slot = 0; slot < 6; slot++)
        {
            var month = period.From.AddMonths(slot).Month;
            Add("CommitteeMeeting", slot, 0, 9, 90, GeneralBranch, MonthTitle(slot, "支委会"), Vocabulary.CommitteeAgendas[month - 1], committee);
            Add("ThemePartyDay", slot, 0, 9, 150, GeneralBranch, MonthTitle(slot, "主题党日"), Vocabulary.ThemeDays[month - 1], all);
        }

        foreach (var (slot, quarter) in new[] { (1, 0), (4, 1) })
        {
            Add("GeneralMeeting", slot, 0, 14, 120, GeneralBranch, MonthTitle(slot, "党员大会"), Vocabulary.GeneralMeetingAgendas[(period.Half - 1) * 2 + quarter], all);
        }

        foreach (var (slot, quarter) in new[] { (0, 0), (3, 1) })
        {
            Add("PartyLecture", slot, 0, 15, 90, GeneralBranch, MonthTitle(slot, "党课"), Vocabulary.LectureTopics[(period.Half - 1) * 2 + quarter], all);
        }

        for (var i = 0; i < (full ? 5 : 2); i++)
        {
            Add("StudySession", i, 1, 15, 120, GeneralBranch, $"{period.Year}年{(period.Half == 1 ? "上" : "下")}半年学习二十大精神（第{i + 1}次）",
                Vocabulary.StudyTopics[i], all);
        }

        foreach (var (slot, i) in full ? new[] { (1, 0), (3, 1), (4, 2) } : [(3, 0)])
        {
            var (speaker, topic) = Vocabulary.Briefings[i];
            Add("Briefing", slot, 2, 15, 90, GeneralBranch, $"{period.From.AddMonths(slot):yyyy年M月}{speaker}宣讲", topic, all);
        }

        for (var g = 1; g <= groups; g++)
        {
            var code = $"{GridBranch}-{g}";
            Add("PartyGroupMeeting", g - 1, g, 19, 60, code, MonthTitle(g - 1, $"第{"一二三四"[g - 1]}网格党小组会"), "学习贯彻党总支部署，交流网格服务情况",
                [.. all.Where(p => p.OrganisationCode == code)]);
        }

        return meetings;
    }

    /// <summary>The county inspection tour's findings (巡察反馈): three categories, all rectified within the period.</summary>
    private static List<PlannedRectification> DrawRectifications(Random random, bool full, DemoPeriod period)
    {
        var findings = full ? Vocabulary.InspectionFindings : [.. Vocabulary.InspectionFindings.DistinctBy(f => f.Category)];
        var owners = new[] { "社区党总支书记", "组织委员", "宣传委员", "纪检委员" };
        return [.. findings.Select((f, i) =>
        {
            var completed = random.Day(period.From, period.To);
            return new PlannedRectification(
                $"{period.Year}年县委巡察反馈", f.Category, f.Finding, owners[i % owners.Length], Max(completed, period.From.AddMonths(2)), f.Measures, completed,
                $"已{f.Measures}，整改到位", $"evidence/rectification-{period.Year}-{period.Half}-{i + 1}.pdf");
        })];
    }

    public void AddTruth(TruthBuilder truth, DemoPeriod period)
    {
        var end = period.To;
        var admitted = Applicants.Where(a => a.AdmittedOn is not null).Select(a => a.Person).ToHashSet();
        var active = Register.ToList();
        truth.Add("membership.members.total", active.Count)
            .Add("membership.members.full", active.Count(p => !admitted.Contains(p)))
            .Add("membership.members.probationary", admitted.Count)
            .Add("membership.members.collegeOrAbove", active.Count(p => p.College));
        foreach (var cohort in new[] { "Under35", "From35To50", "From50To60", "Over60" })
        {
            truth.Add($"membership.members.byAgeCohort.{cohort}", active.Count(p => p.Cohort(end) == cohort));
        }

        (string Education, string Label)[] levels = [("JuniorOrBelow", "初中及以下"), ("HighSchool", "高中"), ("College", "大专"), ("Bachelor", "本科"), ("Postgraduate", "研究生")];
        foreach (var (education, label) in levels)
        {
            truth.Add($"membership.members.byEducation.{education}", active.Count(p => p.Education == label));
        }

        truth.Add("membership.members.byGender.Male", active.Count(p => p.Gender == "男")).Add("membership.members.byGender.Female", active.Count(p => p.Gender == "女"));
        foreach (var organisation in Organisations)
        {
            truth.Add($"membership.members.byOrganisation.{organisation.Code}.members", active.Count(p => p.OrganisationCode == organisation.Code));
        }

        foreach (var committee in Posts.Where(p => p.StartOn <= end).GroupBy(p => p.OrganisationCode))
        {
            truth.Add($"membership.committees.{committee.Key}.members", committee.Count())
                .Add($"membership.committees.{committee.Key}.collegeOrAbove", committee.Count(p => p.Member.College))
                .Add($"membership.committees.{committee.Key}.under35", committee.Count(p => p.Member.AgeOn(end) < 35))
                .Add($"membership.committees.{committee.Key}.women", committee.Count(p => p.Member.Gender == "女"));
        }

        truth.Add("membership.reserveCadres.total", Cadres.Count).Add("membership.reserveCadres.under35", Cadres.Count(c => c.Member.AgeOn(end) < 35));

        var admissions = Applicants.Where(a => period.Holds(a.AdmittedOn ?? DateOnly.MinValue)).ToList();
        truth.Add("membership.development.applications", Applicants.Count(a => period.Holds(a.AppliedOn)))
            .Add("membership.development.activistsAccepted", Applicants.Count(a => period.Holds(a.ActivistOn ?? DateOnly.MinValue)))
            .Add("membership.development.candidatesConfirmed", Applicants.Count(a => period.Holds(a.CandidateOn ?? DateOnly.MinValue)))
            .Add("membership.development.admitted", admissions.Count)
            .Add("membership.development.admittedUnder35WithCollege", admissions.Count(a => a.Person.AgeOn(a.AdmittedOn!.Value) < 35 && a.Person.College))
            .Add("membership.development.madeFull", 0);

        var attendance = Meetings.SelectMany(m => m.Attendance).ToList();
        truth.Add("membership.meetings.held", Meetings.Count)
            .AddRate("membership.meetings.attendanceRate", attendance.Count(a => a.Present || a.MadeUpOn is not null), attendance.Count);
        foreach (var kind in new[] { "GeneralMeeting", "CommitteeMeeting", "PartyGroupMeeting", "PartyLecture", "ThemePartyDay", "StudySession", "Briefing" })
        {
            var ofKind = Meetings.Where(m => m.Kind == kind).ToList();
            var entries = ofKind.SelectMany(m => m.Attendance).ToList();
            truth.Add($"membership.meetings.byKind.{kind}.held", ofKind.Count)
                .AddRate($"membership.meetings.byKind.{kind}.attendanceRate", entries.Count(a => a.Present || a.MadeUpOn is not null), entries.Count);
        }

        truth.Add("membership.rectification.total", Rectifications.Count)
            .Add("membership.rectification.completed", Rectifications.Count)
            .Add("membership.rectification.completedInPeriod", Rectifications.Count(r => period.Holds(r.CompletedOn)))
            .Add("membership.rectification.overdue", 0)
            .Add("membership.rectification.completedLate", Rectifications.Count(r => r.CompletedOn > r.Deadline));
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
}
