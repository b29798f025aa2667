using CommunityPlatform.ServiceKit.Domain;
using CommunityPlatform.ServiceKit.Security;

namespace CommunityPlatform.Identity.Domain;

/// <summary>
/// What a person may do (roles) and where (grids), checked as a whole: only people's roles (machine roles belong
/// to clients), and a grid worker must have at least one grid, or they would see nothing.
/// </summary>
public sealed record UserAccess(IReadOnlyList<string> Roles, IReadOnlyList<string> Grids)
{
    private const int MaxGridCodeLength = 20;

    private static readonly string[] MachineRoles = [CommunityRoles.County, CommunityRoles.Ops];

    private static readonly string[] PeopleRoles = [.. CommunityRoles.Labels.Keys.Except(MachineRoles)];

    /// <summary>Each item is checked on its own and named by its place (<c>roles[1]</c>), so a client sees which one is wrong.</summary>
    public static UserAccess Create(IReadOnlyList<string?>? roles, IReadOnlyList<string?>? grids, Validation validation)
    {
        roles ??= [];
        grids ??= [];
        for (var i = 0; i < roles.Count; i++)
        {
            validation.Require(roles[i] is { } role && PeopleRoles.Contains(role.Trim()), $"roles[{i}]", ValidationFailure.OneOf(string.Join(", ", PeopleRoles)));
        }

        for (var i = 0; i < grids.Count; i++)
        {
            validation.RequireGiven(grids[i], $"grids[{i}]", "must be a grid code, not null.")
                .Require(grids[i] is null || grids[i]!.Trim().Length <= MaxGridCodeLength, $"grids[{i}]", ValidationFailure.MaxLength(MaxGridCodeLength));
        }

        var distinctRoles = roles.OfType<string>().Select(r => r.Trim()).Distinct(StringComparer.Ordinal).ToList();
        // A blank grid is no grid: it is dropped rather than refused, as before.
        var distinctGrids = grids.OfType<string>().Select(g => g.Trim()).Where(g => g.Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        validation.Require(roles.Count > 0, "roles", ValidationFailure.MinCount("must name at least one role."));
        validation.Require(!distinctRoles.Contains(CommunityRoles.GridWorker) || distinctGrids.Count > 0, "grids", ValidationFailure.MinCount("must name at least one grid for a grid worker."));
        return new UserAccess(distinctRoles, distinctGrids);
    }

    public override string ToString() => $"roles [{string.Join(", ", Roles)}], grids [{string.Join(", ", Grids)}]";
}
