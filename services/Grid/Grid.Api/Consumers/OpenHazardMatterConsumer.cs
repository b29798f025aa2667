using CommunityPlatform.Contracts.Safety;
using CommunityPlatform.Grid.Domain;
using CommunityPlatform.Grid.Infrastructure;
using CommunityPlatform.Messaging;
using MassTransit;

namespace CommunityPlatform.Grid.Consumers;

/// <summary>A hazard found by an inspection opens a matter for the grid's worker, due by the rectification deadline; a major one is escalated.</summary>
public sealed class OpenHazardMatterConsumer(GridDbContext db, MessagingTelemetry telemetry, TimeProvider time)
    : MatterSourceConsumer<HazardReported>(db, telemetry, time)
{
    protected override Task HandleAsync(ConsumeContext<HazardReported> context, CancellationToken cancellationToken)
    {
        var hazard = context.Message;
        var major = hazard.Severity == "Major";
        return OpenOnceAsync(
            MatterSource.Hazard, hazard.HazardId.ToString(), hazard.GridCode, MatterCategory.Safety, hazard.Location,
            $"{(major ? "重大" : "一般")}隐患：{hazard.Summary}，整改期限 {hazard.Deadline:yyyy-MM-dd}", hazard.Deadline, major, cancellationToken);
    }
}
