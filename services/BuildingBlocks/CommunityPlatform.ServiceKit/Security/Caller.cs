using System.Security.Claims;
using CommunityPlatform.ServiceKit.Domain;

namespace CommunityPlatform.ServiceKit.Security;

public static class Caller
{
    /// <summary>Who is calling, for "recorded by" fields and audit rows: the user's subject id, or the machine client's id.</summary>
    public static string Id(this ClaimsPrincipal caller) =>
        caller.FindFirstValue("sub") ?? caller.FindFirstValue("client_id") ?? caller.FindFirstValue("azp") ?? "unknown";

    /// <summary>
    /// The caller as a record names them: the token's name claim, or for a machine client (which has none) its id.
    /// </summary>
    public static Actor Actor(this ClaimsPrincipal caller)
    {
        var id = caller.Id();
        return new Actor(id, caller.FindFirstValue("name") ?? id);
    }
}
