using CommunityPlatform.Contracts.Safety;
using CommunityPlatform.Grid.Domain;
using CommunityPlatform.Grid.Infrastructure;
using CommunityPlatform.Messaging;
using MassTransit;

namespace CommunityPlatform.Grid.Consumers;

/// <summary>A hazard reopened by a failed re-inspection moves its matter's due date to the hazard's new deadline.</summary>
public sealed class RescheduleHazardMatterConsumer(GridDbContext db, MessagingTelemetry telemetry, TimeProvider time)
    : MatterSourceConsumer<HazardReopened>(db, telemetry, time)
{
    protected override async Task HandleAsync(ConsumeContext<HazardReopened> context, CancellationToken cancellationToken)
    {
        var matter = await RequireMatterForAsync(MatterSource.Hazard, context.Message.HazardId.ToString(), cancellationToken);
        matter.FollowReopenedHazard(context.Message.Deadline, Time.GetUtcNow());
    }
}
