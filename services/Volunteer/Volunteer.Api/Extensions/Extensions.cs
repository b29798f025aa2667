using CommunityPlatform.Contracts.Membership;
using CommunityPlatform.Messaging;
using CommunityPlatform.Messaging.ReferenceData;
using CommunityPlatform.ServiceDefaults;
using CommunityPlatform.ServiceKit.Persistence;
using CommunityPlatform.ServiceKit.Security;
using CommunityPlatform.ServiceKit.Web;
using CommunityPlatform.Volunteer.Consumers;
using CommunityPlatform.Volunteer.Infrastructure;

namespace CommunityPlatform.Volunteer.Extensions;

internal static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceApi();
        builder.AddServiceAuthentication(policies => policies.AddVolunteerPolicies());
        builder.AddServiceKeyRing("CommunityPlatform.Volunteer");
        builder.AddServiceDatabase<VolunteerDbContext>(ResourceNames.VolunteerDb);
        builder.AddPlatformMessaging<VolunteerDbContext>(BusNames.Volunteer, messaging => messaging
            .AddConsumer<CreateVolunteerProfileConsumer, MemberRegistered>()
            .AddConsumer<UpdateVolunteerMembershipConsumer, MemberStatusChanged>()
            .AddKnownGrids<VolunteerDbContext>());
        builder.Services.AddOptions<VolunteerOptions>().BindConfiguration("Volunteer")
            .Validate(options => options.IsValid, "Volunteer: MinimumPresenceShare must be 0–1, HoursStep above 0 and at most 8, the minute settings not negative, and LateRecordMaxAgeDays above 0.")
            .ValidateOnStart();
        builder.Services.AddIdempotency<VolunteerDbContext>();
    }
}
