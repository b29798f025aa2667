namespace CommunityPlatform.Contracts.Safety;

/// <summary>An inspection of a venue was completed: how many checklist items passed and failed, and the hazards it opened.</summary>
public sealed record InspectionCompleted : IntegrationEvent
{
    public required Guid InspectionId { get; init; }

    public required Guid VenueId { get; init; }

    public required string GridCode { get; init; }

    /// <summary>The venue kind's code, e.g. <c>SmallRestaurant</c>.</summary>
    public required string VenueKind { get; init; }

    /// <summary>The checklist template and the version of it the inspection used.</summary>
    public required string TemplateCode { get; init; }

    public required int TemplateVersion { get; init; }

    public Guid? CampaignId { get; init; }

    public required int ItemsPassed { get; init; }

    public required int ItemsFailed { get; init; }

    public required int HazardsOpened { get; init; }

    /// <summary>True when this was the re-inspection of hazards rather than a routine one.</summary>
    public required bool Reinspection { get; init; }

    public required DateTimeOffset CompletedAt { get; init; }
}
