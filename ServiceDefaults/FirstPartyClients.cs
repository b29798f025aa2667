namespace CommunityPlatform.ServiceDefaults;

/// <summary>Client ids the identity service registers for the suite's own front doors, shared with those front doors.</summary>
public static class FirstPartyClients
{
    /// <summary>The gateway's browser sign-in: a person signs in once and then opens any API address in the browser.</summary>
    public const string Gateway = "community-gateway";
}
