using CommunityPlatform.Contracts.Safety;
using CommunityPlatform.Grid.Domain;
using CommunityPlatform.Grid.Infrastructure;
using CommunityPlatform.Messaging;
using MassTransit;

namespace CommunityPlatform.Grid.Consumers;

/// <summary>A rectified hazard closes the matter that was opened for it.</summary>
public sealed class CloseHazardMatterConsumer(GridDbContext db, MessagingTelemetry telemetry, TimeProvider time)
    : MatterSourceConsumer<HazardRectified>(db, telemetry, time)
{
    protected override async Task HandleAsync(ConsumeContext<HazardRectified> context, CancellationToken cancellationToken)
    {
        var matter = await RequireMatterForAsync(MatterSource.Hazard, context.Message.HazardId.ToString(), cancellationToken);
        matter.CloseForRectifiedHazard(Time.GetUtcNow());
    }
}
