using CommunityPlatform.Contracts.Volunteer;
using CommunityPlatform.Grid.Domain;
using CommunityPlatform.Grid.Infrastructure;
using CommunityPlatform.Messaging;
using MassTransit;

namespace CommunityPlatform.Grid.Consumers;

/// <summary>What a patrol volunteer (平安义警) observed becomes a matter waiting for the grid worker to sign for it.</summary>
public sealed class OpenObservationMatterConsumer(GridDbContext db, MessagingTelemetry telemetry, TimeProvider time)
    : MatterSourceConsumer<PatrolObservationReported>(db, telemetry, time)
{
    protected override Task HandleAsync(ConsumeContext<PatrolObservationReported> context, CancellationToken cancellationToken)
    {
        var observation = context.Message;
        return OpenOnceAsync(
            MatterSource.PatrolObservation, observation.ObservationId.ToString(), observation.GridCode, MatterCategory.Safety,
            observation.Location, observation.Description, dueOn: null, escalated: false, cancellationToken);
    }
}
