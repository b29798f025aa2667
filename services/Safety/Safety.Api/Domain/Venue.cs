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

    public DateTimeOffset RegisteredAt { get; private set; }

    public static Venue Register(string? name, string? kind, string? gridCode, string? address, DateTimeOffset now)
    {
        var validation = new Validation();
        validation.RequireText(name, "name", 100);
        var parsedKind = validation.RequireOneOf(kind, "kind", VenueKinds.Labels);
        validation.RequireText(gridCode, "gridCode", 20);
        validation.Require(address is null || address.Trim().Length <= 200, "address", "must be at most 200 characters.");
        validation.ThrowIfInvalid();

        return new Venue
        {
            Id = Guid.CreateVersion7(now),
            Name = name!.Trim(),
            Kind = parsedKind!.Value,
            GridCode = gridCode!.Trim(),
            Address = address?.Trim(),
            RegisteredAt = now,
        };
    }
}

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
}
