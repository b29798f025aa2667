using System.Security.Claims;
using CommunityPlatform.Identity.Domain;
using CommunityPlatform.ServiceKit.Audit;
using CommunityPlatform.Identity.Extensions;
using CommunityPlatform.Identity.Infrastructure;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using OpenIddict.Validation.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace CommunityPlatform.Identity.Apis;

/// <summary>
/// The OpenID Connect endpoints whose decisions are ours: who gets a token with which claims. Discovery, JWKS,
/// request validation and token issuance are OpenIddict's.
/// </summary>
public static class ConnectApi
{
    /// <summary>
    /// The one answer to a refused password, whether the account is unknown, the password wrong or the account locked:
    /// telling them apart would tell a guesser which user names exist.
    /// </summary>
    private const string RefusedPassword = "The user name or password is incorrect, or the account is locked for a while after repeated failed sign-ins.";

    public static IEndpointRouteBuilder MapConnectApi(this IEndpointRouteBuilder app)
    {
        var connect = app.MapGroup("/connect").WithTags("OpenID Connect").ExcludeFromDescription();
        connect.MapMethods("/authorize", ["GET", "POST"], Authorize);
        connect.MapPost("/token", Exchange).DisableAntiforgery();
        connect.MapMethods("/logout", ["GET", "POST"], LogOut).DisableAntiforgery();
        connect.MapMethods("/userinfo", ["GET", "POST"], UserInfo)
            .RequireAuthorization(policy => policy
                .AddAuthenticationSchemes(OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme)
                .RequireAuthenticatedUser())
            .DisableAntiforgery();
        return app;
    }

    /// <summary>Authorization code flow: a signed-in person (cookie) gets a code; anyone else goes to the sign-in page.</summary>
    private static async Task<IResult> Authorize(HttpContext http, UserManager<CommunityUser> users, TokenPrincipals principals)
    {
        var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        var cookie = await http.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        var user = cookie.Succeeded ? await users.GetUserAsync(cookie.Principal) : null;
        if (user is null || await users.IsLockedOutAsync(user))
        {
            var parameters = http.Request.HasFormContentType
                ? http.Request.Form.Where(p => p.Key != "__RequestVerificationToken").ToList()
                : http.Request.Query.ToList();
            return Results.Challenge(
                new AuthenticationProperties { RedirectUri = http.Request.PathBase + http.Request.Path + QueryString.Create(parameters) },
                [IdentityConstants.ApplicationScheme]);
        }

        return Results.SignIn(await principals.ForUserAsync(user, request.GetScopes()), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private static async Task<IResult> Exchange(
        HttpContext http, UserManager<CommunityUser> users, SignInManager<CommunityUser> signIn, TokenPrincipals principals,
        IOptions<IdentityServiceOptions> options, AuditTrail audit)
    {
        var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");

        if (request.IsPasswordGrantType())
        {
            var channel = $"token endpoint, client {request.ClientId}";
            var user = await users.FindByNameAsync(request.Username ?? "");
            if (user is null)
            {
                await audit.RecordAsync(AuditActions.SignInFailed, request.Username ?? "", null, channel);
                return Refuse(Errors.InvalidGrant, RefusedPassword);
            }

            var result = await signIn.CheckPasswordSignInAsync(user, request.Password ?? "", lockoutOnFailure: true);
            // The audit trail tells a lockout apart; the caller is not told.
            var action = result.Succeeded ? AuditActions.SignIn : result.IsLockedOut ? AuditActions.SignInLockedOut : AuditActions.SignInFailed;
            await audit.RecordAsync(action, user.Id.ToString(), null, channel);
            return result.Succeeded
                ? Results.SignIn(await principals.ForUserAsync(user, request.GetScopes()), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme)
                : Refuse(Errors.InvalidGrant, RefusedPassword);
        }

        if (request.IsClientCredentialsGrantType())
        {
            // OpenIddict has already checked the client's secret and its permission for this grant.
            var machine = options.Value.AllMachineClients().SingleOrDefault(c => c.ClientId == request.ClientId);
            if (machine is not null)
            {
                await audit.RecordAsync(AuditActions.MachineSignIn, machine.ClientId, null, $"client credentials, role {machine.Role}");
            }

            return machine is null
                ? Refuse(Errors.UnauthorizedClient, "This client has no role in the suite.")
                : Results.SignIn(TokenPrincipals.ForMachine(machine.ClientId, machine.DisplayName, machine.Role, request.GetScopes()),
                    authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        }

        if (request.IsAuthorizationCodeGrantType() || request.IsRefreshTokenGrantType())
        {
            var previous = await http.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
            var user = await users.FindByIdAsync(previous.Principal?.GetClaim(Claims.Subject) ?? "");
            if (user is null || await users.IsLockedOutAsync(user))
            {
                return Refuse(Errors.InvalidGrant, "The account no longer exists or is locked.");
            }

            return Results.SignIn(await principals.ForUserAsync(user, previous.Principal!.GetScopes()),
                authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        }

        return Refuse(Errors.UnsupportedGrantType, "This grant type is not supported.");
    }

    private static async Task<IResult> LogOut(SignInManager<CommunityUser> signIn)
    {
        await signIn.SignOutAsync();
        return Results.SignOut(new AuthenticationProperties { RedirectUri = "/" }, [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
    }

    private static IResult UserInfo(ClaimsPrincipal principal) => Results.Ok(new Dictionary<string, object?>
    {
        [Claims.Subject] = principal.GetClaim(Claims.Subject),
        [Claims.Name] = principal.GetClaim(Claims.Name),
        [Claims.PreferredUsername] = principal.GetClaim(Claims.PreferredUsername),
        [Claims.Role] = principal.GetClaims(Claims.Role),
        [ServiceKit.Security.CommunityClaims.Grid] = principal.GetClaims(ServiceKit.Security.CommunityClaims.Grid),
    });

    private static IResult Refuse(string error, string description) => Results.Forbid(
        new AuthenticationProperties(new Dictionary<string, string?>
        {
            [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
            [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
        }),
        [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
}
