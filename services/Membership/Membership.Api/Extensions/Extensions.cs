using CommunityPlatform.Contracts.Grid;
using CommunityPlatform.Contracts.Volunteer;
using CommunityPlatform.Membership.Consumers;
using CommunityPlatform.Membership.Domain;
using CommunityPlatform.Membership.Infrastructure;
using CommunityPlatform.Messaging;
using CommunityPlatform.ServiceDefaults;
using CommunityPlatform.ServiceKit.Audit;
using CommunityPlatform.ServiceKit.Persistence;
using CommunityPlatform.ServiceKit.Security;
using CommunityPlatform.ServiceKit.Web;

namespace CommunityPlatform.Membership.Extensions;

internal static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceApi();
        builder.AddServiceAuthentication(policies => policies.AddMembershipPolicies());
        builder.AddServiceKeyRing("CommunityPlatform.Membership");
        builder.AddServiceDatabase<MembershipDbContext>(ResourceNames.MembershipDb);
        builder.AddPlatformMessaging<MembershipDbContext>(BusNames.Membership, messaging => messaging
            .AddConsumer<AwardVolunteerHoursPointsConsumer, VolunteerHoursCredited>()
            .AddConsumer<AwardMicroWishPointsConsumer, MicroWishFulfilled>()
            .AddConsumer<AwardMatterResolutionPointsConsumer, MatterResolved>());
        builder.Services.AddAuditTrail<MembershipDbContext>();
        builder.Services.AddIdempotency<MembershipDbContext>();
        builder.Services.AddOptions<PointsRules>().BindConfiguration("Membership:Points");
        builder.Services.AddOptions<MembershipOptions>().BindConfiguration("Membership");
        builder.Services.AddScoped<PointsLedger>();
    }
}
