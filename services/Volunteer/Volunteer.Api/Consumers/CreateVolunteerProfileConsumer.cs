using CommunityPlatform.Contracts.Membership;
using CommunityPlatform.Messaging;
using CommunityPlatform.Messaging.Inbox;
using CommunityPlatform.Volunteer.Domain;
using CommunityPlatform.Volunteer.Infrastructure;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace CommunityPlatform.Volunteer.Consumers;

/// <summary>Every registered party member gets a volunteer profile linked to them.</summary>
public sealed class CreateVolunteerProfileConsumer(VolunteerDbContext db, MessagingTelemetry telemetry, TimeProvider time)
    : InboxConsumer<MemberRegistered, VolunteerDbContext>(db, telemetry, time)
{
    protected override async Task HandleAsync(ConsumeContext<MemberRegistered> context, CancellationToken cancellationToken)
    {
        var registered = context.Message;
        // The inbox already stops redelivery; this also covers a member re-announced under a new event id.
        if (await Db.Volunteers.AnyAsync(v => v.MemberId == registered.MemberId, cancellationToken))
        {
            return;
        }

        Db.Volunteers.Add(VolunteerProfile.ForMember(registered.MemberId, registered.GridCode, Time.GetUtcNow()));
    }
}
