namespace CommunityPlatform.Grid.Extensions;

/// <summary>Who may see and shape the community's grids, by role.</summary>
public static class GridPolicies
{
    public const string ReadGrids = "grids.read";
    public const string ManageGrids = "grids.manage";
}
