using CommunityPlatform.Contracts.Grid;
using CommunityPlatform.Messaging;
using CommunityPlatform.Messaging.Inbox;
using CommunityPlatform.Safety.Domain;
using CommunityPlatform.Safety.Infrastructure;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace CommunityPlatform.Safety.Consumers;

/// <summary>
/// A safety matter a person reported in a grid becomes an ad-hoc inspection task for that grid. Matters the grid
/// opened for this service's own hazards are its echo and are ignored.
/// </summary>
public sealed class CreateInspectionTaskConsumer(SafetyDbContext db, MessagingTelemetry telemetry, TimeProvider time)
    : InboxConsumer<MatterReported, SafetyDbContext>(db, telemetry, time)
{
    protected override async Task HandleAsync(ConsumeContext<MatterReported> context, CancellationToken cancellationToken)
    {
        var matter = context.Message;
        if (matter.Category != "Safety" || matter.Source != "Report"
            || await Db.InspectionTasks.AnyAsync(t => t.MatterId == matter.MatterId, cancellationToken))
        {
            return;
        }

        Db.InspectionTasks.Add(InspectionTask.ForMatter(matter.MatterId, matter.GridCode, matter.Location, matter.ReportedAt, Time.GetUtcNow()));
    }
}
