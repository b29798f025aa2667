using System.Collections.Immutable;
using System.Security.Claims;
using CommunityPlatform.Identity.Domain;
using CommunityPlatform.ServiceKit.Security;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace CommunityPlatform.Identity.Infrastructure;

/// <summary>
/// Builds the claims a token carries: who (sub, name), what they may do (role) and where (grid). Roles and grids
/// are read afresh at every sign-in and refresh, so a change takes effect with the next token.
/// </summary>
public sealed class TokenPrincipals(UserManager<CommunityUser> users)
{
    public async Task<ClaimsPrincipal> ForUserAsync(CommunityUser user, ImmutableArray<string> scopes)
    {
        var identity = NewIdentity();
        identity.SetClaim(Claims.Subject, user.Id.ToString())
            .SetClaim(Claims.Name, user.DisplayName)
            .SetClaim(Claims.PreferredUsername, user.UserName)
            .SetClaims(Claims.Role, [.. await users.GetRolesAsync(user)])
            .SetClaims(CommunityClaims.Grid, [.. user.GridCodes]);
        return Complete(identity, scopes);
    }

    public static ClaimsPrincipal ForMachine(string clientId, string displayName, string role, ImmutableArray<string> scopes)
    {
        var identity = NewIdentity();
        identity.SetClaim(Claims.Subject, clientId)
            .SetClaim(Claims.Name, displayName)
            .SetClaims(Claims.Role, [role]);
        return Complete(identity, scopes);
    }

    private static ClaimsIdentity NewIdentity() =>
        new(authenticationType: "community", nameType: Claims.Name, roleType: Claims.Role);

    private static ClaimsPrincipal Complete(ClaimsIdentity identity, ImmutableArray<string> scopes)
    {
        identity.SetScopes(scopes);
        identity.SetResources(CommunityClaims.ApiResource);
        identity.SetDestinations(claim => claim.Type switch
        {
            Claims.Name or Claims.PreferredUsername when claim.Subject!.HasScope(Scopes.Profile) => [Destinations.AccessToken, Destinations.IdentityToken],
            // A front end shows only what a person may use: it learns their roles and grids from the identity token.
            Claims.Role or CommunityClaims.Grid when claim.Subject!.HasScope(Scopes.Roles) => [Destinations.AccessToken, Destinations.IdentityToken],
            _ => [Destinations.AccessToken],
        });
        return new ClaimsPrincipal(identity);
    }
}
