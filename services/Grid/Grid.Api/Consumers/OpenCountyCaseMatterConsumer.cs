using CommunityPlatform.Contracts.County;
using CommunityPlatform.Grid.Domain;
using CommunityPlatform.Grid.Extensions;
using CommunityPlatform.Grid.Infrastructure;
using CommunityPlatform.Messaging;
using CommunityPlatform.ServiceKit.Domain;
using MassTransit;
using Microsoft.Extensions.Options;

namespace CommunityPlatform.Grid.Consumers;

/// <summary>
/// A case the county platform handed down (县级平台交办) and the community signed for becomes a matter on the grid's
/// board, already accepted: due when the county expects it, or after the category's usual days.
/// </summary>
public sealed class OpenCountyCaseMatterConsumer(GridDbContext db, MessagingTelemetry telemetry, TimeProvider time, IOptions<GridOptions> options)
    : MatterSourceConsumer<CountyCaseSignedFor>(db, telemetry, time)
{
    protected override Task HandleAsync(ConsumeContext<CountyCaseSignedFor> context, CancellationToken cancellationToken)
    {
        var signed = context.Message;
        var category = Enum.Parse<MatterCategory>(signed.Category);
        var dueOn = signed.ExpectedDatetime is { } expected
            ? CommunityTime.DateOf(expected)
            : CommunityTime.Today(Time).AddDays(options.Value.DueDays(category));
        return OpenOnceAsync(
            MatterSource.CountyCase, signed.ServiceRequestId.ToString(), signed.GridCode, category, signed.Location, signed.Description,
            dueOn, escalated: false, cancellationToken);
    }
}
