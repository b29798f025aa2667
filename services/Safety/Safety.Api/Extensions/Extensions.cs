using CommunityPlatform.Messaging;
using CommunityPlatform.Safety.Infrastructure;
using CommunityPlatform.ServiceDefaults;
using CommunityPlatform.ServiceKit.Web;

namespace CommunityPlatform.Safety.Extensions;

internal static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceApi();
        builder.AddServiceDatabase<SafetyDbContext>(ResourceNames.SafetyDb);
        builder.AddPlatformMessaging<SafetyDbContext>("safety");
    }
}
