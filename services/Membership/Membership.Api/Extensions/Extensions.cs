using CommunityPlatform.Membership.Infrastructure;
using CommunityPlatform.Messaging;
using CommunityPlatform.ServiceDefaults;
using CommunityPlatform.ServiceKit.Web;

namespace CommunityPlatform.Membership.Extensions;

internal static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceApi();
        builder.AddServiceDatabase<MembershipDbContext>(ResourceNames.MembershipDb);
        builder.AddPlatformMessaging<MembershipDbContext>("membership");
    }
}
