using CommunityPlatform.ServiceKit.Domain;

namespace CommunityPlatform.Safety.Domain;

/// <summary>A place (场所) that inspectors check: one of the nine small venue kinds or a natural risk spot.</summary>
public sealed class Venue
{
    private Venue()
    {
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; } = "";

    public VenueKind Kind { get; private set; }

    public string GridCode { get; private set; } = "";

    public string? Address { get; private set; }

    /// <summary>The business or person responsible for the place (经营者/责任人); for a natural spot, the unit that manages it.</summary>
    public string? OwnerName { get; private set; }

    /// <summary>Personal data: shown to the office and inspectors, never on the bus or in logs, sealed at rest.</summary>
    [Sealed]
    public string? OwnerPhone { get; private set; }

    /// <summary>Floor area in m² (营业面积), for buildings.</summary>
    public decimal? FloorArea { get; private set; }

    /// <summary>The kind's own measure of size: seats, rooms, pupils, beds or workers (see <see cref="VenueKinds.CapacityMeaning"/>).</summary>
    public int? Capacity { get; private set; }

    /// <summary>Kind-specific facts an inspector needs, e.g. 燃料类型 = 液化石油气, 水深 = 3 米.</summary>
    public List<VenueAttribute> Attributes { get; private set; } = [];

    public DateTimeOffset RegisteredAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public static Venue Register(VenueDetails details, string? kind, string? gridCode, SmallVenueThresholds thresholds, DateTimeOffset now)
    {
        var validation = new Validation();
        var parsedKind = validation.RequireOneOf(kind, "kind", VenueKinds.Labels);
        validation.RequireText(gridCode, "gridCode", 20);
        var venue = new Venue { Id = Guid.CreateVersion7(now), GridCode = gridCode?.Trim() ?? "", RegisteredAt = now };
        venue.Apply(details, parsedKind, thresholds, validation, now);
        return venue;
    }

    /// <summary>Corrects what was registered; the kind and grid stay, because inspections and hazards were judged by them.</summary>
    public void Update(VenueDetails details, SmallVenueThresholds thresholds, DateTimeOffset now) =>
        Apply(details, Kind, thresholds, new Validation(), now);

    private void Apply(VenueDetails details, VenueKind? kind, SmallVenueThresholds thresholds, Validation validation, DateTimeOffset now)
    {
        validation.RequireText(details.Name, "name", 100);
        validation.RequireMaxLength(details.Address?.Trim(), "address", 200);
        validation.RequireMaxLength(details.OwnerName?.Trim(), "ownerName", 100);
        validation.Require(details.OwnerPhone is null || ChinesePhone.IsValid(details.OwnerPhone), "ownerPhone", ValidationFailure.Of(ValidationCodes.Phone, "must be a mainland mobile number of 11 digits starting with 1."));
        validation.Require(details.FloorArea is null or (> 0 and <= 1_000_000), "floorArea", ValidationFailure.Of(ValidationCodes.Range, "must be a positive area in m²."));
        validation.RequireRange(details.Capacity, "capacity", 0, 100_000);
        var attributes = details.Attributes ?? new Dictionary<string, string>();
        validation.Require(attributes.Count <= 20, "attributes", ValidationFailure.MaxCount(20, "may hold at most 20 entries."));
        validation.Require(attributes.All(a => a.Key.Trim().Length is > 0 and <= 40 && a.Value.Trim().Length <= 200), "attributes",
            ValidationFailure.ItemLength(200, "names must be 1–40 characters and values at most 200."));
        if (kind is { } k)
        {
            thresholds.Check(k, details.FloorArea, details.Capacity, validation);
        }

        validation.ThrowIfInvalid();
        Kind = kind!.Value;
        Name = details.Name!.Trim();
        Address = details.Address?.Trim();
        OwnerName = details.OwnerName?.Trim();
        OwnerPhone = details.OwnerPhone?.Trim();
        FloorArea = details.FloorArea;
        Capacity = details.Capacity;
        Attributes = [.. attributes.Select(a => new VenueAttribute(a.Key.Trim(), a.Value.Trim()))];
        UpdatedAt = now;
    }
}

/// <summary>What a venue's registration says about it, as entered.</summary>
public sealed record VenueDetails(
    string? Name, string? Address, string? OwnerName, string? OwnerPhone, decimal? FloorArea, int? Capacity,
    IReadOnlyDictionary<string, string>? Attributes);

public sealed record VenueAttribute(string Name, string Value);

/// <summary>The nine small venue kinds (九小场所) and the other places safety screening covers.</summary>
public enum VenueKind
{
    SmallShop,
    SmallRestaurant,
    SmallHotel,
    SmallEntertainment,
    SmallInternetCafe,
    SmallBeautyBath,
    SmallSchool,
    SmallClinic,
    SmallWorkshop,
    ConstructionSite,
    Waters,
    Slope,
    Woodland,
}

public static class VenueKinds
{
    public static readonly IReadOnlyDictionary<VenueKind, string> Labels = new Dictionary<VenueKind, string>
    {
        [VenueKind.SmallShop] = "小商店",
        [VenueKind.SmallRestaurant] = "小餐饮",
        [VenueKind.SmallHotel] = "小旅馆",
        [VenueKind.SmallEntertainment] = "小歌舞娱乐",
        [VenueKind.SmallInternetCafe] = "小网吧",
        [VenueKind.SmallBeautyBath] = "小美容洗浴",
        [VenueKind.SmallSchool] = "小学校/幼儿园",
        [VenueKind.SmallClinic] = "小医院/诊所",
        [VenueKind.SmallWorkshop] = "小生产加工",
        [VenueKind.ConstructionSite] = "工地",
        [VenueKind.Waters] = "水域",
        [VenueKind.Slope] = "山体",
        [VenueKind.Woodland] = "林地",
    };

    /// <summary>What <see cref="Venue.Capacity"/> counts for each kind of building.</summary>
    public static readonly IReadOnlyDictionary<VenueKind, string> CapacityMeaning = new Dictionary<VenueKind, string>
    {
        [VenueKind.SmallShop] = "从业人员",
        [VenueKind.SmallRestaurant] = "座位",
        [VenueKind.SmallHotel] = "客房",
        [VenueKind.SmallEntertainment] = "包厢",
        [VenueKind.SmallInternetCafe] = "上网终端",
        [VenueKind.SmallBeautyBath] = "从业人员",
        [VenueKind.SmallSchool] = "在园/在校人数",
        [VenueKind.SmallClinic] = "床位",
        [VenueKind.SmallWorkshop] = "从业人员",
        [VenueKind.ConstructionSite] = "施工人员",
    };

    public static bool IsNineSmall(VenueKind kind) => kind <= VenueKind.SmallWorkshop;

    /// <summary>The kinds <see cref="IsNineSmall"/> admits (九小场所), for queries.</summary>
    public static readonly IReadOnlyList<VenueKind> NineSmall = [.. Enum.GetValues<VenueKind>().Where(IsNineSmall)];
}
