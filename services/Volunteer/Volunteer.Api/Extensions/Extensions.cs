using CommunityPlatform.Contracts.Membership;
using CommunityPlatform.Messaging;
using CommunityPlatform.ServiceDefaults;
using CommunityPlatform.ServiceKit.Web;
using CommunityPlatform.Volunteer.Consumers;
using CommunityPlatform.Volunteer.Infrastructure;

namespace CommunityPlatform.Volunteer.Extensions;

internal static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceApi();
        builder.AddServiceDatabase<VolunteerDbContext>(ResourceNames.VolunteerDb);
        builder.AddPlatformMessaging<VolunteerDbContext>("volunteer", messaging => messaging
            .AddConsumer<CreateVolunteerProfileConsumer, MemberRegistered>());
    }
}
