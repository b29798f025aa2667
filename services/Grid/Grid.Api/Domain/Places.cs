using CommunityPlatform.ServiceKit.Domain;

namespace CommunityPlatform.Grid.Domain;

/// <summary>A residential building (楼栋) in a grid, with its building head (楼栋长).</summary>
public sealed class Building
{
    public const int NameMaxLength = 50;

    private Building()
    {
    }

    public Guid Id { get; private set; }

    public string GridCode { get; private set; } = "";

    /// <summary>As the community writes it: 3栋, 幸福里7号楼.</summary>
    public string Name { get; private set; } = "";

    public string? Address { get; private set; }

    public Guid? HeadResidentId { get; private set; }

    public static Building Create(string gridCode, string? name, string? address, DateTimeOffset now)
    {
        var validation = new Validation();
        validation.RequireText(name, "name", NameMaxLength);
        validation.RequireMaxLength(address?.Trim(), "address", 200);
        validation.ThrowIfInvalid();
        return new Building { Id = Guid.CreateVersion7(now), GridCode = gridCode, Name = name!.Trim(), Address = string.IsNullOrWhiteSpace(address) ? null : address.Trim() };
    }

    /// <summary>Makes a resident of the building its head (楼栋长); <paramref name="livesHere"/> says the resident lives in it.</summary>
    public void AppointHead(Resident resident, bool livesHere)
    {
        if (!livesHere)
        {
            throw new DomainRuleViolationException("building.head-lives-elsewhere", "A building head (楼栋长) must live in the building.");
        }

        HeadResidentId = resident.Id;
    }
}

/// <summary>A unit (单元, one staircase) of a building, with its unit head (单元长).</summary>
public sealed class BuildingUnit
{
    private BuildingUnit()
    {
    }

    public Guid Id { get; private set; }

    public Guid BuildingId { get; private set; }

    /// <summary>1单元, 2单元…</summary>
    public string Name { get; private set; } = "";

    public Guid? HeadResidentId { get; private set; }

    public static BuildingUnit Create(Building building, string? name, DateTimeOffset now)
    {
        new Validation().RequireText(name, "name", 20).ThrowIfInvalid();
        return new BuildingUnit { Id = Guid.CreateVersion7(now), BuildingId = building.Id, Name = name!.Trim() };
    }

    public void AppointHead(Resident resident, bool livesHere)
    {
        if (!livesHere)
        {
            throw new DomainRuleViolationException("unit.head-lives-elsewhere", "A unit head (单元长) must live in the unit.");
        }

        HeadResidentId = resident.Id;
    }
}

/// <summary>A household (户): one dwelling, by building, unit and room.</summary>
public sealed class Household
{
    private Household()
    {
    }

    public Guid Id { get; private set; }

    public string GridCode { get; private set; } = "";

    public Guid BuildingId { get; private set; }

    public Guid? UnitId { get; private set; }

    /// <summary>The room number, e.g. 301.</summary>
    public string Room { get; private set; } = "";

    public static Household Create(Building building, BuildingUnit? unit, string? room, DateTimeOffset now)
    {
        new Validation().RequireText(room, "room", 20).ThrowIfInvalid();
        if (unit is not null && unit.BuildingId != building.Id)
        {
            throw DomainValidationException.For("unitId", ValidationFailure.Of(ValidationCodes.NotAllowed, "belongs to another building."));
        }

        return new Household { Id = Guid.CreateVersion7(now), GridCode = building.GridCode, BuildingId = building.Id, UnitId = unit?.Id, Room = room!.Trim() };
    }
}

/// <summary>A resident (居民) of a household. Personal data: never logged, never on the bus.</summary>
public sealed class Resident
{
    public const int NameMaxLength = 50;

    /// <summary>The <see cref="Relation"/> of the head of the household (户主).</summary>
    public const string HeadOfHousehold = "户主";

    private Resident()
    {
    }

    public Guid Id { get; private set; }

    public Guid HouseholdId { get; private set; }

    public string GridCode { get; private set; } = "";

    public string Name { get; private set; } = "";

    public Gender Gender { get; private set; }

    public DateOnly? BirthDate { get; private set; }

    [Sealed]
    public string? Phone { get; private set; }

    /// <summary>与户主关系: 户主, 配偶, 子女, 父母, 其他…</summary>
    public string Relation { get; private set; } = "";

    public DateTimeOffset RegisteredAt { get; private set; }

    /// <summary>
    /// The residents heading a building (楼栋长) or a unit (单元长): people, each once, so the figure and the list
    /// agree even if one person were ever to head two units.
    /// </summary>
    public static IQueryable<Resident> Heading(IQueryable<Resident> residents, HeadKind kind, IQueryable<Building> buildings, IQueryable<BuildingUnit> units)
    {
        var heads = kind == HeadKind.Building ? buildings.Select(b => b.HeadResidentId) : units.Select(u => u.HeadResidentId);
        return residents.Where(r => heads.Contains(r.Id));
    }

    public static Resident Register(Household household, ResidentDetails details, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        HouseholdId = household.Id,
        GridCode = household.GridCode,
        Name = details.Name,
        Gender = details.Gender,
        BirthDate = details.BirthDate,
        Phone = details.Phone,
        Relation = details.Relation,
        RegisteredAt = now,
    };
}

public enum HeadKind
{
    /// <summary>楼栋长</summary>
    Building,

    /// <summary>单元长</summary>
    Unit,
}

public static class HeadKinds
{
    public static readonly IReadOnlyDictionary<HeadKind, string> All = new Dictionary<HeadKind, string>
    {
        [HeadKind.Building] = "楼栋长",
        [HeadKind.Unit] = "单元长",
    };
}

/// <summary>A resident's checked details, from a form or a row of an import.</summary>
public sealed record ResidentDetails(string Name, Gender Gender, DateOnly? BirthDate, string? Phone, string Relation)
{
    public static ResidentDetails? Check(
        Validation validation, string? name, string? gender, DateOnly? birthDate, string? phone, string? relation, DateOnly today, string prefix = "")
    {
        validation.RequireText(name, prefix + "name", Resident.NameMaxLength);
        var parsedGender = validation.RequireOneOf(gender, prefix + "gender", GenderLabels.All);
        validation.Require(birthDate is null || (birthDate <= today && birthDate > today.AddYears(-130)), prefix + "birthDate", ValidationFailure.NotFuture("must be a date in the last 130 years, not in the future."));
        validation.Require(phone is null || ChinesePhone.IsValid(phone), prefix + "phone", ValidationFailure.Of(ValidationCodes.Phone, "must be a mainland mobile number of 11 digits starting with 1."));
        validation.RequireMaxLength(relation?.Trim(), prefix + "relation", 20);
        return validation.HasErrors
            ? null
            : new ResidentDetails(name!.Trim(), parsedGender!.Value, birthDate, string.IsNullOrWhiteSpace(phone) ? null : phone.Trim(),
                string.IsNullOrWhiteSpace(relation) ? "其他" : relation.Trim());
    }
}
