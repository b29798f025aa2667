using System.Security.Claims;
using CommunityPlatform.ServiceKit.Domain;

namespace CommunityPlatform.ServiceKit.Security;

public static class Caller
{
    /// <summary>Who is calling, for "recorded by" fields and audit rows: the user's subject id, or the machine client's id.</summary>
    public static string Id(this ClaimsPrincipal caller) =>
        caller.FindFirstValue("sub") ?? caller.FindFirstValue("client_id") ?? caller.FindFirstValue("azp") ?? "unknown";

    /// <summary>The caller as a step's actor: their id and the display name their token carries (the client id for a machine client).</summary>
    public static Actor Actor(this ClaimsPrincipal caller) =>
        new(caller.Id(), caller.FindFirstValue("name") is { Length: > 0 } name ? name : caller.Id());
}
