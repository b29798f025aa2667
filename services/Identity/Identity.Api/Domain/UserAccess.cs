using CommunityPlatform.ServiceKit.Domain;
using CommunityPlatform.ServiceKit.Security;

namespace CommunityPlatform.Identity.Domain;

/// <summary>
/// What a person may do (roles) and where (grids), checked as a whole: only people's roles (machine roles belong
/// to clients), and a grid worker must have at least one grid, or they would see nothing.
/// </summary>
public sealed record UserAccess(IReadOnlyList<string> Roles, IReadOnlyList<string> Grids)
{
    private static readonly string[] MachineRoles = [CommunityRoles.County, CommunityRoles.Ops];

    public static UserAccess Create(IReadOnlyList<string>? roles, IReadOnlyList<string>? grids, Validation validation)
    {
        var distinctRoles = (roles ?? []).Select(r => r.Trim()).Distinct(StringComparer.Ordinal).ToList();
        var distinctGrids = (grids ?? []).Select(g => g.Trim()).Where(g => g.Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var peopleRoles = CommunityRoles.Labels.Keys.Except(MachineRoles).ToList();

        validation.Require(distinctRoles.Count > 0, "roles", "must name at least one role.");
        validation.Require(distinctRoles.All(peopleRoles.Contains), "roles", $"may contain only: {string.Join(", ", peopleRoles)}.");
        validation.Require(!distinctRoles.Contains(CommunityRoles.GridWorker) || distinctGrids.Count > 0, "grids", "must name at least one grid for a grid worker.");
        validation.Require(distinctGrids.All(g => g.Length <= 20), "grids", "each grid code must be at most 20 characters.");
        return new UserAccess(distinctRoles, distinctGrids);
    }

    public override string ToString() => $"roles [{string.Join(", ", Roles)}], grids [{string.Join(", ", Grids)}]";
}
