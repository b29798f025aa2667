using CommunityPlatform.ServiceKit.Domain;

namespace CommunityPlatform.Safety.Domain;

/// <summary>
/// How small a venue must be to count as one of the nine small kinds (九小场所). Each locality sets its own
/// figures; a larger venue is a fire-safety key unit (消防安全重点单位) that the fire authority supervises, not the
/// community, so registering it here would put it on the wrong ledger.
/// </summary>
public sealed class SmallVenueThresholds
{
    public Dictionary<VenueKind, SizeLimit> Limits { get; set; } = [];

    public void Check(VenueKind kind, decimal? floorArea, int? capacity, Validation validation)
    {
        if (!VenueKinds.IsNineSmall(kind) || !Limits.TryGetValue(kind, out var limit))
        {
            return;
        }

        var label = VenueKinds.Labels[kind];
        validation.Require(limit.MaxFloorArea is null || floorArea is null || floorArea <= limit.MaxFloorArea, "floorArea",
            ValidationFailure.Of(ValidationCodes.Range, $"exceeds this locality's {label} limit of {limit.MaxFloorArea} m²; a larger venue is a fire-safety key unit (消防安全重点单位), not a 九小场所."));
        validation.Require(limit.MaxCapacity is null || capacity is null || capacity <= limit.MaxCapacity, "capacity",
            ValidationFailure.Of(ValidationCodes.Range, $"exceeds this locality's {label} limit of {limit.MaxCapacity} {VenueKinds.CapacityMeaning.GetValueOrDefault(kind)}; a larger venue is a fire-safety key unit (消防安全重点单位), not a 九小场所."));
    }
}

public sealed class SizeLimit
{
    public decimal? MaxFloorArea { get; set; }

    public int? MaxCapacity { get; set; }
}
