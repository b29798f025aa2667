using CommunityPlatform.Contracts.Grid;
using CommunityPlatform.Messaging;
using CommunityPlatform.Messaging.ReferenceData;
using CommunityPlatform.Safety.Consumers;
using CommunityPlatform.Safety.Infrastructure;
using CommunityPlatform.ServiceDefaults;
using CommunityPlatform.ServiceKit.Persistence;
using CommunityPlatform.ServiceKit.Security;
using CommunityPlatform.ServiceKit.Web;

namespace CommunityPlatform.Safety.Extensions;

internal static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceApi();
        builder.AddServiceAuthentication(policies => policies.AddSafetyPolicies());
        builder.AddServiceKeyRing("CommunityPlatform.Safety");
        builder.AddServiceDatabase<SafetyDbContext>(ResourceNames.SafetyDb);
        // After the migration (hosted services start in order), before requests.
        builder.Services.AddHostedService<ShippedChecklists>();
        builder.AddPlatformMessaging<SafetyDbContext>(BusNames.Safety, messaging => messaging
            .AddKnownGrids<SafetyDbContext>()
            .AddConsumer<CreateInspectionTaskConsumer, MatterReported>());
        builder.Services.AddOptions<SafetyOptions>().BindConfiguration("Safety");
        builder.Services.AddIdempotency<SafetyDbContext>();
        builder.Services.AddSingleton<SafetyMonitor>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<SafetyMonitor>());
    }
}
