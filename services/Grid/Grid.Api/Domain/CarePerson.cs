using CommunityPlatform.ServiceKit.Domain;

namespace CommunityPlatform.Grid.Domain;

/// <summary>
/// A person on the care list (重点人员): someone needing special care or supervision. Highly sensitive: the
/// personal fields are held only as ciphertext (<see cref="Sealed"/>), every read is audited, nothing of it is ever
/// published or logged. Category, risk, grid and the visit plan stay in clear so counts and due visits can be
/// computed without opening anyone's record.
/// </summary>
public sealed class CarePerson
{
    private CarePerson()
    {
    }

    public Guid Id { get; private set; }

    public string GridCode { get; private set; } = "";

    /// <summary>Itself sensitive (a health or criminal category): sealed, so counted and filtered in memory.</summary>
    [Sealed]
    public CareCategory Category { get; private set; }

    [Sealed]
    public RiskLevel Risk { get; private set; }

    /// <summary>The grid worker responsible for visits, by user id.</summary>
    public string ResponsibleWorkerId { get; private set; } = "";

    /// <summary>Days between visits normally, and during the sensitive periods (敏感节点).</summary>
    public int VisitIntervalDays { get; private set; }

    public int SensitiveIntervalDays { get; private set; }

    public DateOnly? LastVisitedOn { get; private set; }

    public DateOnly RegisteredOn { get; private set; }

    /// <summary>Name, ID number, phone, address and circumstances, encrypted by the application.</summary>
    public string Sealed { get; private set; } = "";

    public static CarePerson Register(
        string gridCode, string? category, string? risk, string? responsibleWorkerId, int? visitIntervalDays, int? sensitiveIntervalDays,
        CareDetails? details, Func<CareDetails, string> seal, DateTimeOffset now)
    {
        var validation = new Validation();
        var parsedCategory = validation.RequireOneOf(category, "category", CareCategories.All);
        var parsedRisk = validation.RequireOneOf(risk, "risk", RiskLevels.All);
        validation.RequireText(responsibleWorkerId, "responsibleWorkerId", 100);
        validation.Require(visitIntervalDays is >= 1 and <= 90, "visitIntervalDays", ValidationFailure.Range(1, 90, "must be from 1 to 90 days."));
        validation.RequireRange(sensitiveIntervalDays, "sensitiveIntervalDays", 1, 90, "must be from 1 to 90 days.");
        validation.Require(sensitiveIntervalDays is null || visitIntervalDays is null || sensitiveIntervalDays <= visitIntervalDays, "sensitiveIntervalDays", ValidationFailure.Of(ValidationCodes.MaxDuration, "must not be longer than visitIntervalDays: sensitive periods intensify visits."));
        CareDetails.Check(validation, details);
        validation.ThrowIfInvalid();
        return new CarePerson
        {
            Id = Guid.CreateVersion7(now), GridCode = gridCode, Category = parsedCategory!.Value, Risk = parsedRisk!.Value,
            ResponsibleWorkerId = responsibleWorkerId!.Trim(), VisitIntervalDays = visitIntervalDays!.Value,
            SensitiveIntervalDays = sensitiveIntervalDays ?? visitIntervalDays.Value, RegisteredOn = CommunityTime.DateOf(now), Sealed = seal(details!),
        };
    }

    /// <summary>
    /// When the next visit is due: the normal interval after the last visit (or registration), unless a sensitive
    /// period starts earlier — then the first day in it that is at least the sensitive interval after the last visit.
    /// </summary>
    public DateOnly NextVisitDue(IEnumerable<SensitivePeriod> sensitivePeriods)
    {
        var from = LastVisitedOn ?? RegisteredOn;
        var due = from.AddDays(VisitIntervalDays);
        var earliestIntensified = from.AddDays(SensitiveIntervalDays);
        foreach (var period in sensitivePeriods)
        {
            var candidate = period.Start > earliestIntensified ? period.Start : earliestIntensified;
            if (candidate <= period.End && candidate < due)
            {
                due = candidate;
            }
        }

        return due;
    }

    public void RecordVisit(DateOnly visitedOn) => LastVisitedOn = LastVisitedOn is { } last && last > visitedOn ? last : visitedOn;
}

/// <summary>The personal part of a care record, only ever held encrypted.</summary>
public sealed record CareDetails(string Name, string? IdNumber, string? Phone, string? Address, string? Circumstances)
{
    public static void Check(Validation validation, CareDetails? details)
    {
        validation.RequireGiven(details, "details", "are required.");
        if (details is null)
        {
            return;
        }

        validation.RequireText(details.Name, "details.name", 50);
        validation.Require(details.IdNumber is null || System.Text.RegularExpressions.Regex.IsMatch(details.IdNumber, @"^\d{17}[\dXx]$", System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1)), "details.idNumber", ValidationFailure.Of(ValidationCodes.IdNumber, "must be an 18-character resident ID number."));
        validation.Require(details.Phone is null || ChinesePhone.IsValid(details.Phone), "details.phone", ValidationFailure.Of(ValidationCodes.Phone, "must be a mainland mobile number of 11 digits starting with 1."));
        validation.RequireMaxLength(details.Address, "details.address", 200);
        validation.RequireMaxLength(details.Circumstances, "details.circumstances", 4000);
    }
}

/// <summary>A visit (走访) to a person on the care list; the notes are sealed like the record.</summary>
public sealed class CareVisit
{
    private CareVisit()
    {
    }

    public Guid Id { get; private set; }

    public Guid CarePersonId { get; private set; }

    public DateOnly VisitedOn { get; private set; }

    public string VisitorId { get; private set; } = "";

    public string SealedNotes { get; private set; } = "";

    public static CareVisit Record(CarePerson person, DateOnly? visitedOn, string? notes, string visitorId, Func<string, string> seal, DateTimeOffset now)
    {
        var validation = new Validation();
        validation.RequireDateNotAfter(visitedOn, "visitedOn", CommunityTime.DateOf(now));
        validation.RequireText(notes, "notes", 4000);
        validation.ThrowIfInvalid();
        person.RecordVisit(visitedOn!.Value);
        return new CareVisit { Id = Guid.CreateVersion7(now), CarePersonId = person.Id, VisitedOn = visitedOn.Value, VisitorId = visitorId, SealedNotes = seal(notes!.Trim()) };
    }
}

/// <summary>A sensitive period (敏感节点, e.g. a national holiday) during which visits are intensified.</summary>
public sealed record SensitivePeriod(DateOnly Start, DateOnly End)
{
    public bool Covers(DateOnly day) => day >= Start && day <= End;
}

public enum CareCategory
{
    /// <summary>严重精神障碍患者</summary>
    MentalIllness,

    /// <summary>刑满释放人员</summary>
    ReleasedPrisoner,

    /// <summary>社区矫正对象</summary>
    CommunityCorrection,

    /// <summary>重点信访人员</summary>
    KeyPetitioner,

    /// <summary>其他需关爱人员 (独居老人, 困境儿童…)</summary>
    OtherCare,
}

public enum RiskLevel
{
    Low,
    Medium,
    High,
}

public static class CareCategories
{
    public static readonly IReadOnlyDictionary<CareCategory, string> All = new Dictionary<CareCategory, string>
    {
        [CareCategory.MentalIllness] = "严重精神障碍患者",
        [CareCategory.ReleasedPrisoner] = "刑满释放人员",
        [CareCategory.CommunityCorrection] = "社区矫正对象",
        [CareCategory.KeyPetitioner] = "重点信访人员",
        [CareCategory.OtherCare] = "其他关爱对象",
    };
}

public static class RiskLevels
{
    public static readonly IReadOnlyDictionary<RiskLevel, string> All = new Dictionary<RiskLevel, string>
    {
        [RiskLevel.Low] = "低",
        [RiskLevel.Medium] = "中",
        [RiskLevel.High] = "高",
    };
}
