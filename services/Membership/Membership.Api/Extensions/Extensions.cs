using CommunityPlatform.Membership.Infrastructure;
using CommunityPlatform.Messaging;
using CommunityPlatform.ServiceDefaults;
using CommunityPlatform.ServiceKit.Security;
using CommunityPlatform.ServiceKit.Web;

namespace CommunityPlatform.Membership.Extensions;

internal static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceApi();
        builder.AddServiceAuthentication(policies => policies
            .AddRolePolicy(MembershipPolicies.ReadMembers, CommunityRoles.Secretary, CommunityRoles.Staff)
            .AddRolePolicy(MembershipPolicies.ManageMembers, CommunityRoles.Secretary, CommunityRoles.Staff));
        builder.AddServiceDatabase<MembershipDbContext>(ResourceNames.MembershipDb);
        builder.AddPlatformMessaging<MembershipDbContext>("membership");
    }
}
