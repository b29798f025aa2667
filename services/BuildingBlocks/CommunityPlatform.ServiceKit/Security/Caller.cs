using System.Security.Claims;

namespace CommunityPlatform.ServiceKit.Security;

public static class Caller
{
    /// <summary>Who is calling, for "recorded by" fields and audit rows: the user's subject id, or the machine client's id.</summary>
    public static string Id(this ClaimsPrincipal caller) =>
        caller.FindFirstValue("sub") ?? caller.FindFirstValue("client_id") ?? caller.FindFirstValue("azp") ?? "unknown";
}
