using CommunityPlatform.Safety.Domain;
using CommunityPlatform.ServiceKit.Web;

namespace CommunityPlatform.Safety.Apis;

/// <summary>The labels the safety service's clients choose from (GET /api/safety/labels).</summary>
internal static class SafetyLabels
{
    public static readonly LabelCatalogue Catalogue = new LabelCatalogue()
        .Add("venueKind", VenueKinds.Labels)
        .Add("hazardCategory", HazardCategories.Labels)
        .Add("hazardSeverity", HazardSeverities.Labels)
        .Add("hazardStatus", HazardStatuses.Labels)
        .Add("inspectionStatus", InspectionStatuses.Labels)
        .Add("answerResult", AnswerResults.Labels)
        .Add("patrolKind", PatrolKinds.Labels);
}
