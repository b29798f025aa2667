using CommunityPlatform.Contracts.County;
using CommunityPlatform.Contracts.Safety;
using CommunityPlatform.Contracts.Volunteer;
using CommunityPlatform.Grid.Consumers;
using CommunityPlatform.Grid.Infrastructure;
using CommunityPlatform.Messaging;
using CommunityPlatform.ServiceKit.Audit;
using CommunityPlatform.ServiceKit.Http;
using CommunityPlatform.ServiceKit.Persistence;
using Microsoft.AspNetCore.Authorization;
using CommunityPlatform.ServiceDefaults;
using CommunityPlatform.ServiceKit.Security;
using CommunityPlatform.ServiceKit.Web;

namespace CommunityPlatform.Grid.Extensions;

internal static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceApi();
        builder.AddServiceAuthentication(policies => policies.AddGridPolicies());
        builder.AddServiceDatabase<GridDbContext>(ResourceNames.GridDb);
        builder.AddPlatformMessaging<GridDbContext>(BusNames.Grid, messaging => messaging
            .AddConsumer<OpenHazardMatterConsumer, HazardReported>()
            .AddConsumer<CloseHazardMatterConsumer, HazardRectified>()
            .AddConsumer<RescheduleHazardMatterConsumer, HazardReopened>()
            .AddConsumer<EscalateOverdueHazardConsumer, HazardOverdue>()
            .AddConsumer<EscalateMissedPatrolQuotaConsumer, PatrolQuotaMissed>()
            .AddConsumer<OpenObservationMatterConsumer, PatrolObservationReported>()
            .AddConsumer<OpenCountyCaseMatterConsumer, CountyCaseSignedFor>());
        builder.Services.AddOptions<GridOptions>().BindConfiguration("Grid");
        builder.Services.AddScoped<ResidentImport>();
        builder.Services.AddSingleton<MatterMonitor>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<MatterMonitor>());
        builder.Services.AddServiceClient<GridWorkerDirectory>(GridWorkerDirectory.ClientName, TimeSpan.FromSeconds(10));
        builder.Services.AddAuditTrail<GridDbContext>();
        builder.Services.AddSingleton<IAuthorizationMiddlewareResultHandler, CareListRefusals>();
        builder.Services.AddIdempotency<GridDbContext>();
        builder.AddServiceKeyRing("CommunityPlatform.Grid");
        builder.Services.AddSingleton<CareListProtector>();
    }
}
