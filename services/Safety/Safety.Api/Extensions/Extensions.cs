using CommunityPlatform.Messaging;
using CommunityPlatform.Safety.Infrastructure;
using CommunityPlatform.ServiceDefaults;
using CommunityPlatform.ServiceKit.Security;
using CommunityPlatform.ServiceKit.Web;

namespace CommunityPlatform.Safety.Extensions;

internal static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceApi();
        builder.AddServiceAuthentication(policies => policies
            .AddRolePolicy(SafetyPolicies.ReadVenues, CommunityRoles.Secretary, CommunityRoles.Staff, CommunityRoles.Inspector,
                CommunityRoles.GridWorker, CommunityRoles.County)
            .AddRolePolicy(SafetyPolicies.ManageVenues, CommunityRoles.Secretary, CommunityRoles.Staff, CommunityRoles.Inspector));
        builder.AddServiceDatabase<SafetyDbContext>(ResourceNames.SafetyDb);
        builder.AddPlatformMessaging<SafetyDbContext>("safety");
    }
}
