using CommunityPlatform.Contracts.Membership;
using CommunityPlatform.Messaging;
using CommunityPlatform.ServiceDefaults;
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
        builder.AddServiceAuthentication(policies => policies
            .AddRolePolicy(VolunteerPolicies.ReadVolunteers, CommunityRoles.Secretary, CommunityRoles.Staff,
                CommunityRoles.VolunteerLeader, CommunityRoles.GridWorker));
        builder.AddServiceDatabase<VolunteerDbContext>(ResourceNames.VolunteerDb);
        builder.AddPlatformMessaging<VolunteerDbContext>("volunteer", messaging => messaging
            .AddConsumer<CreateVolunteerProfileConsumer, MemberRegistered>()
            .AddConsumer<UpdateVolunteerMembershipConsumer, MemberStatusChanged>());
    }
}
