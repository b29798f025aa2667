using Microsoft.AspNetCore.Identity;

namespace CommunityPlatform.Identity.Domain;

/// <summary>A person who signs in: community staff, a grid worker, an inspector, a member or a resident.</summary>
public sealed class CommunityUser : IdentityUser<Guid>
{
    /// <summary>The name shown in the workbench, e.g. 刘建国.</summary>
    public string DisplayName { get; set; } = "";

    /// <summary>The grids (网格) this user works in; a grid worker sees only these.</summary>
    public List<string> GridCodes { get; set; } = [];
}
