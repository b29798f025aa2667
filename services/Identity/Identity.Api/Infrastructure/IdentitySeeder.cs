using CommunityPlatform.Identity.Domain;
using CommunityPlatform.Identity.Extensions;
using CommunityPlatform.ServiceDefaults;
using CommunityPlatform.ServiceKit.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace CommunityPlatform.Identity.Infrastructure;

/// <summary>
/// Makes sure the roles and the client applications exist (they are reference data), and in local mode one
/// demo account per role. Runs after the migrations, before the service listens; safe to run at every start.
/// </summary>
public sealed class IdentitySeeder(IServiceScopeFactory scopeFactory, IOptions<IdentityServiceOptions> options, IHostEnvironment environment) : IHostedService
{
    /// <summary>The demo community's people: user name, display name, role, grids.</summary>
    public static readonly IReadOnlyList<(string UserName, string DisplayName, string Role, string[] Grids)> DemoPeople =
    [
        ("secretary", "刘建华", CommunityRoles.Secretary, []),
        ("staff", "王晓燕", CommunityRoles.Staff, []),
        ("gridworker", "张志强", CommunityRoles.GridWorker, ["G01", "G02"]),
        ("gridworker2", "李秀梅", CommunityRoles.GridWorker, ["G03"]),
        ("inspector", "陈国平", CommunityRoles.Inspector, []),
        ("volunteerleader", "赵丽娟", CommunityRoles.VolunteerLeader, []),
        ("member", "孙明", CommunityRoles.Member, ["G01"]),
        ("resident", "周桂英", CommunityRoles.Resident, ["G02"]),
    ];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var services = scope.ServiceProvider;
        await SeedRolesAsync(services.GetRequiredService<RoleManager<IdentityRole<Guid>>>());
        await SeedClientsAsync(services.GetRequiredService<IOpenIddictApplicationManager>(), cancellationToken);
        if (options.Value.DemoAccounts)
        {
            await SeedDemoPeopleAsync(services.GetRequiredService<UserManager<CommunityUser>>());
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static async Task SeedRolesAsync(RoleManager<IdentityRole<Guid>> roles)
    {
        foreach (var role in CommunityRoles.Labels.Keys)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                Check(await roles.CreateAsync(new IdentityRole<Guid>(role)));
            }
        }
    }

    private async Task SeedClientsAsync(IOpenIddictApplicationManager applications, CancellationToken cancellationToken)
    {
        var web = new OpenIddictApplicationDescriptor
        {
            ClientId = Extensions.Extensions.WebClientId,
            ClientType = ClientTypes.Public,
            DisplayName = "社区工作台",
            Permissions =
            {
                Permissions.Endpoints.Authorization, Permissions.Endpoints.Token, Permissions.Endpoints.EndSession,
                Permissions.GrantTypes.AuthorizationCode, Permissions.GrantTypes.RefreshToken, Permissions.ResponseTypes.Code,
                Permissions.Scopes.Profile, Permissions.Scopes.Roles, Permissions.Prefixes.Scope + CommunityClaims.ApiScope,
            },
            Requirements = { Requirements.Features.ProofKeyForCodeExchange },
        };
        foreach (var uri in options.Value.WebRedirectUris)
        {
            web.RedirectUris.Add(uri);
            web.PostLogoutRedirectUris.Add(new Uri(uri, "/"));
        }

        await UpsertAsync(applications, web, cancellationToken);

        // The gateway's browser sign-in, at the address tokens name as their issuer (the gateway's own).
        if (options.Value.Issuer is { } gatewayAddress)
        {
            var gateway = new OpenIddictApplicationDescriptor
            {
                ClientId = FirstPartyClients.Gateway,
                ClientType = ClientTypes.Public,
                DisplayName = "社区平台网关",
                RedirectUris = { new Uri(gatewayAddress, "/signin-oidc") },
                PostLogoutRedirectUris = { new Uri(gatewayAddress, "/signout-callback-oidc") },
                Permissions =
                {
                    Permissions.Endpoints.Authorization, Permissions.Endpoints.Token, Permissions.Endpoints.EndSession,
                    Permissions.GrantTypes.AuthorizationCode, Permissions.GrantTypes.RefreshToken, Permissions.ResponseTypes.Code,
                    Permissions.Scopes.Profile, Permissions.Scopes.Roles, Permissions.Prefixes.Scope + CommunityClaims.ApiScope,
                },
                Requirements = { Requirements.Features.ProofKeyForCodeExchange },
            };
            await UpsertAsync(applications, gateway, cancellationToken);
        }

        if (Extensions.Extensions.AllowsPasswordGrant(environment))
        {
            await UpsertAsync(applications, new OpenIddictApplicationDescriptor
            {
                ClientId = Extensions.Extensions.CliClientId,
                ClientType = ClientTypes.Public,
                DisplayName = "开发调试命令行",
                Permissions =
                {
                    Permissions.Endpoints.Token, Permissions.GrantTypes.Password, Permissions.GrantTypes.RefreshToken,
                    Permissions.Scopes.Profile, Permissions.Scopes.Roles, Permissions.Prefixes.Scope + CommunityClaims.ApiScope,
                },
            }, cancellationToken);
        }

        foreach (var machine in options.Value.AllMachineClients())
        {
            await UpsertAsync(applications, new OpenIddictApplicationDescriptor
            {
                ClientId = machine.ClientId,
                ClientSecret = machine.ClientSecret,
                ClientType = ClientTypes.Confidential,
                DisplayName = machine.DisplayName,
                Permissions =
                {
                    Permissions.Endpoints.Token, Permissions.GrantTypes.ClientCredentials,
                    Permissions.Prefixes.Scope + CommunityClaims.ApiScope,
                },
            }, cancellationToken);
        }
    }

    private static async Task UpsertAsync(IOpenIddictApplicationManager applications, OpenIddictApplicationDescriptor descriptor, CancellationToken cancellationToken)
    {
        var existing = await applications.FindByClientIdAsync(descriptor.ClientId!, cancellationToken);
        if (existing is null)
        {
            await applications.CreateAsync(descriptor, cancellationToken);
        }
        else
        {
            await applications.UpdateAsync(existing, descriptor, cancellationToken);
        }
    }

    private async Task SeedDemoPeopleAsync(UserManager<CommunityUser> users)
    {
        foreach (var (userName, displayName, role, grids) in DemoPeople)
        {
            if (await users.FindByNameAsync(userName) is not null)
            {
                continue;
            }

            var user = new CommunityUser { UserName = userName, DisplayName = displayName, GridCodes = [.. grids] };
            Check(await users.CreateAsync(user, options.Value.DemoPassword));
            Check(await users.AddToRoleAsync(user, role));
        }
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Seeding identity data failed: " + string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}
