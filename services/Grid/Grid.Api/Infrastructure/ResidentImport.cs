using System.Diagnostics;
using System.Globalization;
using System.Text;
using CommunityPlatform.Grid.Domain;
using CommunityPlatform.ServiceKit.Domain;
using CommunityPlatform.ServiceKit.Security;
using Microsoft.EntityFrameworkCore;

namespace CommunityPlatform.Grid.Infrastructure;

/// <summary>
/// Loads residents from a spreadsheet saved as CSV (UTF-8, Chinese or English headers): every row is checked
/// first and the file is imported whole or not at all, creating the buildings, units and households it names.
/// Importing the same file again adds nothing: a resident already in the household (same name and birth date)
/// is counted as present.
/// </summary>
public sealed class ResidentImport(GridDbContext db, TimeProvider time)
{
    public const int MaxRows = 100_000;
    private const int MaxListedErrors = 200;

    /// <summary>Each column, by its Chinese header and its English alias.</summary>
    private static readonly (string Field, string Chinese, bool Required)[] Columns =
    [
        ("gridCode", "网格", true),
        ("building", "楼栋", true),
        ("unit", "单元", false),
        ("room", "房号", true),
        ("name", "姓名", true),
        ("gender", "性别", true),
        ("birthDate", "出生日期", false),
        ("phone", "联系电话", false),
        ("relation", "与户主关系", false),
        ("role", "职务", false),
    ];

    private static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyy/M/d", "yyyy-M-d", "yyyy.M.d", "yyyyMMdd"];

    public async Task<ResidentImportResult> ImportAsync(Stream body, GridScope scope, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        var text = await ReadUtf8Async(body, cancellationToken);
        var rows = Parse(text);
        var now = time.GetUtcNow();
        var today = CommunityTime.DateOf(now);

        var grids = (await db.Grids.Select(g => g.Code).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var errors = new SortedDictionary<int, List<string>>();
        var valid = new List<ImportRow>(rows.Count);
        var seen = new Dictionary<(string, string, string, string, string, DateOnly?), int>();
        foreach (var row in rows)
        {
            // A control character anywhere makes the row unreadable as a whole: name its columns and check nothing else.
            var garbled = new Validation();
            foreach (var (field, chinese, _) in Columns)
            {
                garbled.RequirePlainText(row.Value(field), chinese);
            }

            if (garbled.HasErrors)
            {
                errors[row.Line] = garbled.Messages.ToList();
                continue;
            }

            var problems = new List<string>();
            var grid = row.Value("gridCode");
            if (string.IsNullOrWhiteSpace(grid) || !grids.Contains(grid))
            {
                problems.Add($"网格 '{grid}' is not a grid of the community.");
            }
            else if (!scope.Covers(grid))
            {
                problems.Add($"网格 '{grid}' is outside your grids.");
            }

            var validation = new Validation();
            validation.RequireText(row.Value("building"), "楼栋", Building.NameMaxLength);
            validation.Require(row.Value("unit") is null || row.Value("unit")!.Length <= 20, "单元", ValidationFailure.MaxLength(20));
            validation.RequireText(row.Value("room"), "房号", 20);
            var birthText = row.Value("birthDate");
            DateOnly? birthDate = null;
            if (birthText is not null)
            {
                if (DateOnly.TryParseExact(birthText, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
                {
                    birthDate = parsed;
                }
                else
                {
                    validation.Require(false, "出生日期", ValidationFailure.Format("yyyy-MM-dd", $"'{birthText}' is not a date (yyyy-MM-dd)."));
                }
            }

            var details = ResidentDetails.Check(validation, row.Value("name"), row.Value("gender"), birthDate, row.Value("phone"), row.Value("relation"), today);
            var role = row.Value("role");
            validation.Require(role is null or "楼栋长" or "单元长", "职务", ValidationFailure.Of(ValidationCodes.OneOf, "must be empty, 楼栋长 or 单元长."));
            validation.Require(role != "单元长" || row.Value("unit") is not null, "职务", ValidationFailure.Required("单元长 needs the 单元 column."));
            problems.AddRange(validation.Messages);

            if (problems.Count == 0)
            {
                var key = (grid!, row.Value("building")!, row.Value("unit") ?? "", row.Value("room")!, details!.Name, details.BirthDate);
                if (seen.TryGetValue(key, out var firstLine))
                {
                    problems.Add($"repeats the resident on line {firstLine}.");
                }
                else
                {
                    seen[key] = row.Line;
                    valid.Add(new ImportRow(row.Line, grid!, row.Value("building")!, row.Value("unit"), row.Value("room")!, details, role));
                }
            }

            if (problems.Count > 0)
            {
                errors[row.Line] = problems;
            }
        }

        CheckHeads(valid, errors);
        await CheckHouseholdHeadsAsync(valid, errors, cancellationToken);
        if (errors.Count > 0)
        {
            throw Invalid(errors);
        }

        var result = await ApplyAsync(valid, now, cancellationToken);
        return result with { Rows = rows.Count, ElapsedMilliseconds = watch.ElapsedMilliseconds };
    }

    private async Task<ResidentImportResult> ApplyAsync(List<ImportRow> rows, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var gridCodes = rows.Select(r => r.Grid).Distinct().ToList();
        var buildings = await db.Buildings.Where(b => gridCodes.Contains(b.GridCode)).ToDictionaryAsync(b => (b.GridCode, b.Name), cancellationToken);
        var buildingIds = buildings.Values.Select(b => b.Id).ToList();
        var units = await db.Units.Where(u => buildingIds.Contains(u.BuildingId)).ToDictionaryAsync(u => (u.BuildingId, u.Name), cancellationToken);
        var households = await db.Households.Where(h => buildingIds.Contains(h.BuildingId)).ToDictionaryAsync(h => (h.BuildingId, h.UnitId, h.Room), cancellationToken);
        var householdIds = households.Values.Select(h => h.Id).ToList();
        var present = (await db.Residents.Where(r => householdIds.Contains(r.HouseholdId)).Select(r => new { r.HouseholdId, r.Name, r.BirthDate }).ToListAsync(cancellationToken))
            .Select(r => (r.HouseholdId, r.Name, r.BirthDate)).ToHashSet();

        // Thousands of inserts: track them without scanning the whole graph on every Add.
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var result = new ResidentImportResult();
        foreach (var row in rows)
        {
            if (!buildings.TryGetValue((row.Grid, row.Building), out var building))
            {
                building = Building.Create(row.Grid, row.Building, null, now);
                buildings[(row.Grid, row.Building)] = building;
                db.Buildings.Add(building);
                result = result with { BuildingsCreated = result.BuildingsCreated + 1 };
            }

            BuildingUnit? unit = null;
            if (row.Unit is not null && !units.TryGetValue((building.Id, row.Unit), out unit))
            {
                unit = BuildingUnit.Create(building, row.Unit, now);
                units[(building.Id, row.Unit)] = unit;
                db.Units.Add(unit);
                result = result with { UnitsCreated = result.UnitsCreated + 1 };
            }

            if (!households.TryGetValue((building.Id, unit?.Id, row.Room), out var household))
            {
                household = Household.Create(building, unit, row.Room, now);
                households[(building.Id, unit?.Id, row.Room)] = household;
                db.Households.Add(household);
                result = result with { HouseholdsCreated = result.HouseholdsCreated + 1 };
            }

            if (!present.Add((household.Id, row.Details.Name, row.Details.BirthDate)))
            {
                result = result with { ResidentsAlreadyPresent = result.ResidentsAlreadyPresent + 1 };
                continue;
            }

            var resident = Resident.Register(household, row.Details, now);
            db.Residents.Add(resident);
            result = result with { ResidentsCreated = result.ResidentsCreated + 1 };
            if (row.Role == "楼栋长")
            {
                building.AppointHead(resident, livesHere: true);
                result = result with { BuildingHeads = result.BuildingHeads + 1 };
            }
            else if (row.Role == "单元长")
            {
                unit!.AppointHead(resident, livesHere: true);
                result = result with { UnitHeads = result.UnitHeads + 1 };
            }
        }

        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.AutoDetectChangesEnabled = true;
        return result;
    }

    /// <summary>A building or unit has one head: two rows claiming it is an error on the second.</summary>
    private static void CheckHeads(List<ImportRow> rows, SortedDictionary<int, List<string>> errors)
    {
        foreach (var group in rows.Where(r => r.Role is not null).GroupBy(r => (r.Grid, r.Building, Unit: r.Role == "单元长" ? r.Unit : null, r.Role)))
        {
            foreach (var extra in group.Skip(1))
            {
                if (!errors.TryGetValue(extra.Line, out var list))
                {
                    errors[extra.Line] = list = [];
                }

                list.Add($"{extra.Role} is already named on line {group.First().Line}; a {(extra.Role == "楼栋长" ? "building" : "unit")} has one.");
            }
        }
    }

    /// <summary>
    /// Every household has its 户主: a household whose rows name none, and which has none registered already, is an
    /// error on its first line. (A file adding a member to a known household needs no head row.)
    /// </summary>
    private async Task CheckHouseholdHeadsAsync(List<ImportRow> rows, SortedDictionary<int, List<string>> errors, CancellationToken cancellationToken)
    {
        var headless = rows.GroupBy(r => new HouseholdKey(r.Grid, r.Building, r.Unit ?? "", r.Room))
            .Where(g => g.All(r => r.Details.Relation != Resident.HeadOfHousehold))
            .ToList();
        if (headless.Count == 0)
        {
            return;
        }

        var gridCodes = headless.Select(g => g.Key.Grid).Distinct().ToList();
        var headed = (await (
                from resident in db.Residents
                where resident.Relation == Resident.HeadOfHousehold && gridCodes.Contains(resident.GridCode)
                join household in db.Households on resident.HouseholdId equals household.Id
                join building in db.Buildings on household.BuildingId equals building.Id
                from unit in db.Units.Where(u => u.Id == household.UnitId).DefaultIfEmpty()
                select new { building.GridCode, Building = building.Name, Unit = unit == null ? "" : unit.Name, household.Room })
            .ToListAsync(cancellationToken))
            .Select(h => new HouseholdKey(h.GridCode, h.Building, h.Unit, h.Room))
            .ToHashSet();
        foreach (var household in headless.Where(g => !headed.Contains(g.Key)))
        {
            var first = household.First().Line;
            if (!errors.TryGetValue(first, out var list))
            {
                errors[first] = list = [];
            }

            var (grid, building, unit, room) = household.Key;
            list.Add($"household {grid} {string.Join(" ", new[] { building, unit, room }.Where(p => p.Length > 0))} has no {Resident.HeadOfHousehold}: "
                + $"one of its rows must have 与户主关系 {Resident.HeadOfHousehold}.");
        }
    }

    private static async Task<string> ReadUtf8Async(Stream body, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await body.CopyToAsync(buffer, cancellationToken);
        var bytes = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
        if (bytes.StartsWith(Encoding.UTF8.Preamble))
        {
            bytes = bytes[3..];
        }

        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException invalid)
        {
            var line = 1 + bytes[..Math.Max(0, Math.Min(invalid.Index, bytes.Length))].Count((byte)'\n');
            throw DomainValidationException.For("file", ValidationFailure.Of(ValidationCodes.FileFormat, $"is not UTF-8 text (the first invalid byte is on line {line}); it looks like GBK. Save the spreadsheet as \"CSV UTF-8\" and import that."));
        }
    }

    private static List<CsvRow> Parse(string text)
    {
        using var records = CsvText.Records(text).GetEnumerator();
        if (!records.MoveNext())
        {
            throw DomainValidationException.For("file", ValidationFailure.Of(ValidationCodes.FileFormat, "is empty: the first line must be the header (网格,楼栋,单元,房号,姓名,性别,出生日期,联系电话,与户主关系,职务)."));
        }

        var header = records.Current.Fields;
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var missing = new List<string>();
        foreach (var (field, chinese, required) in Columns)
        {
            var at = Array.FindIndex(header, h => h == chinese || string.Equals(h, field, StringComparison.OrdinalIgnoreCase));
            if (at >= 0)
            {
                index[field] = at;
            }
            else if (required)
            {
                missing.Add($"{chinese} ({field})");
            }
        }

        if (missing.Count > 0)
        {
            throw DomainValidationException.For("header", ValidationFailure.Of(ValidationCodes.FileFormat, $"is missing the column(s) {string.Join(", ", missing)}."));
        }

        var rows = new List<CsvRow>();
        while (records.MoveNext())
        {
            if (rows.Count == MaxRows)
            {
                throw DomainValidationException.For("file", ValidationFailure.MaxCount(MaxRows, $"has more than {MaxRows} rows; split it into several files."));
            }

            rows.Add(new CsvRow(records.Current.Line, records.Current.Fields, index));
        }

        return rows;
    }

    private static DomainValidationException Invalid(SortedDictionary<int, List<string>> errors)
    {
        var listed = errors.Take(MaxListedErrors).ToDictionary(
            e => $"line {e.Key}",
            e => (IReadOnlyList<ValidationFailure>)[.. e.Value.Select(message => ValidationFailure.Of(ValidationCodes.RowInvalid, message, new Dictionary<string, object?> { ["line"] = e.Key }))]);
        listed["file"] = [ValidationFailure.Of(
            ValidationCodes.RowsInvalid,
            $"{errors.Count} row(s) are invalid; nothing was imported. Correct them and import the whole file again."
                + (errors.Count > MaxListedErrors ? $" The first {MaxListedErrors} are listed." : ""),
            new Dictionary<string, object?> { ["count"] = errors.Count })];
        return new DomainValidationException(listed);
    }

    private sealed record CsvRow(int Line, string[] Fields, Dictionary<string, int> Index)
    {
        public string? Value(string field) =>
            Index.TryGetValue(field, out var at) && at < Fields.Length && Fields[at] is { Length: > 0 } value ? value : null;
    }

    private sealed record HouseholdKey(string Grid, string Building, string Unit, string Room);

    private sealed record ImportRow(int Line, string Grid, string Building, string? Unit, string Room, ResidentDetails Details, string? Role);
}

public sealed record ResidentImportResult
{
    public int Rows { get; init; }

    public int BuildingsCreated { get; init; }

    public int UnitsCreated { get; init; }

    public int HouseholdsCreated { get; init; }

    public int ResidentsCreated { get; init; }

    public int ResidentsAlreadyPresent { get; init; }

    public int BuildingHeads { get; init; }

    public int UnitHeads { get; init; }

    public long ElapsedMilliseconds { get; init; }
}
