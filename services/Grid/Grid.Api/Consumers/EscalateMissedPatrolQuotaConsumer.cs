using CommunityPlatform.Contracts.Safety;
using CommunityPlatform.Grid.Domain;
using CommunityPlatform.Grid.Infrastructure;
using CommunityPlatform.Messaging;
using CommunityPlatform.ServiceKit.Domain;
using MassTransit;

namespace CommunityPlatform.Grid.Consumers;

/// <summary>A grid that missed its patrol quota for a month gets an escalated matter on its board, once per grid, kind and month.</summary>
public sealed class EscalateMissedPatrolQuotaConsumer(GridDbContext db, MessagingTelemetry telemetry, TimeProvider time)
    : MatterSourceConsumer<PatrolQuotaMissed>(db, telemetry, time)
{
    private const int DaysToCatchUp = 7;

    protected override Task HandleAsync(ConsumeContext<PatrolQuotaMissed> context, CancellationToken cancellationToken)
    {
        var missed = context.Message;
        return OpenOnceAsync(
            MatterSource.PatrolQuota, $"{missed.GridCode}:{missed.PatrolKind}:{missed.Month}", missed.GridCode, MatterCategory.Safety, "本网格",
            $"{missed.Month} 巡查未达标：应巡查 {missed.Required} 次，实际 {missed.Held} 次（{PatrolKindLabels.Of(missed.PatrolKind)}）",
            CommunityTime.Today(Time).AddDays(DaysToCatchUp), escalated: true, cancellationToken);
    }
}
