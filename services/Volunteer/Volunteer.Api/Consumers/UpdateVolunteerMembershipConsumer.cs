using CommunityPlatform.Contracts.Membership;
using CommunityPlatform.Messaging;
using CommunityPlatform.Messaging.Inbox;
using CommunityPlatform.Volunteer.Domain;
using CommunityPlatform.Volunteer.Infrastructure;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace CommunityPlatform.Volunteer.Consumers;

/// <summary>
/// Keeps a member volunteer's profile in step with their party standing: a member who transferred out or died is
/// no longer an active volunteer here; one whose probation was cancelled is no longer a party member.
/// </summary>
public sealed class UpdateVolunteerMembershipConsumer(VolunteerDbContext db, MessagingTelemetry telemetry, TimeProvider time)
    : InboxConsumer<MemberStatusChanged, VolunteerDbContext>(db, telemetry, time)
{
    protected override async Task HandleAsync(ConsumeContext<MemberStatusChanged> context, CancellationToken cancellationToken)
    {
        var changed = context.Message;
        // The registration travels on another queue and may not have been applied yet; whichever event comes
        // first creates the profile, and the registration then finds it.
        var volunteer = await Db.Volunteers.SingleOrDefaultAsync(v => v.MemberId == changed.MemberId, cancellationToken);
        if (volunteer is null)
        {
            volunteer = VolunteerProfile.ForMember(changed.MemberId, changed.GridCode, Time.GetUtcNow());
            Db.Volunteers.Add(volunteer);
        }

        volunteer.ApplyMemberStatus(changed.Status, changed.Active, changed.OccurredAt);
    }
}
