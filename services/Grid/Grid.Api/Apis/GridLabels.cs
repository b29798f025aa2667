using CommunityPlatform.Grid.Domain;
using CommunityPlatform.ServiceKit.Web;

namespace CommunityPlatform.Grid.Apis;

/// <summary>The labels the grid service's clients choose from (GET /api/grid/labels).</summary>
internal static class GridLabels
{
    public static readonly LabelCatalogue Catalogue = new LabelCatalogue()
        .Add("matterStatus", MatterStatusLabels.All)
        .Add("matterCategory", MatterCategories.All)
        .Add("reporterKind", ReporterKinds.Labels)
        .Add("matterSource", MatterSources.Labels)
        .Add("deliberationVenue", DeliberationVenues.All)
        .Add("careCategory", CareCategories.All)
        .Add("riskLevel", RiskLevels.All);
}
