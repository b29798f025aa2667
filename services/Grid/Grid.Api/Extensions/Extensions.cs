using CommunityPlatform.Grid.Infrastructure;
using CommunityPlatform.Messaging;
using CommunityPlatform.ServiceDefaults;
using CommunityPlatform.ServiceKit.Security;
using CommunityPlatform.ServiceKit.Web;

namespace CommunityPlatform.Grid.Extensions;

internal static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceApi();
        builder.AddServiceAuthentication(policies => policies
            .AddRolePolicy(GridPolicies.ReadGrids, CommunityRoles.Secretary, CommunityRoles.Staff, CommunityRoles.GridWorker,
                CommunityRoles.Inspector, CommunityRoles.VolunteerLeader, CommunityRoles.County)
            .AddRolePolicy(GridPolicies.ManageGrids, CommunityRoles.Secretary, CommunityRoles.Staff));
        builder.AddServiceDatabase<GridDbContext>(ResourceNames.GridDb);
        builder.AddPlatformMessaging<GridDbContext>("grid");
    }
}
