using CommunityPlatform.Contracts.Safety;
using CommunityPlatform.Grid.Domain;
using CommunityPlatform.Grid.Infrastructure;
using CommunityPlatform.Messaging;
using CommunityPlatform.ServiceKit.Domain;
using MassTransit;

namespace CommunityPlatform.Grid.Consumers;

/// <summary>A hazard past its deadline escalates its matter on the 督办 board.</summary>
public sealed class EscalateOverdueHazardConsumer(GridDbContext db, MessagingTelemetry telemetry, TimeProvider time)
    : MatterSourceConsumer<HazardOverdue>(db, telemetry, time)
{
    protected override async Task HandleAsync(ConsumeContext<HazardOverdue> context, CancellationToken cancellationToken)
    {
        var overdue = context.Message;
        var matter = await RequireMatterForAsync(MatterSource.Hazard, overdue.HazardId.ToString(), cancellationToken);
        if (matter.IsOpen)
        {
            matter.Escalate($"隐患逾期未整改（期限 {overdue.Deadline:yyyy-MM-dd}）", Actor.System, Time.GetUtcNow());
        }
    }
}
