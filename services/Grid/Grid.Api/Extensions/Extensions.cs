using CommunityPlatform.Grid.Infrastructure;
using CommunityPlatform.Messaging;
using CommunityPlatform.ServiceDefaults;
using CommunityPlatform.ServiceKit.Web;

namespace CommunityPlatform.Grid.Extensions;

internal static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceApi();
        builder.AddServiceDatabase<GridDbContext>(ResourceNames.GridDb);
        builder.AddPlatformMessaging<GridDbContext>("grid");
    }
}
