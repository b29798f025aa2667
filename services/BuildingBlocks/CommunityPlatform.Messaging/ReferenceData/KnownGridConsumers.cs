using CommunityPlatform.Contracts.Grid;
using CommunityPlatform.Messaging.Inbox;
using CommunityPlatform.ServiceKit.ReferenceData;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace CommunityPlatform.Messaging.ReferenceData;

public static class KnownGridConsumers
{
    /// <summary>Keeps this service's copy of the grids (<see cref="KnownGrids"/>) up to date from the grid service's announcements.</summary>
    public static PlatformMessagingBuilder AddKnownGrids<TDbContext>(this PlatformMessagingBuilder messaging)
        where TDbContext : DbContext =>
        messaging
            .AddConsumer<RecordKnownGridConsumer<TDbContext>, GridCreated>()
            .AddConsumer<RenameKnownGridConsumer<TDbContext>, GridRenamed>();
}

/// <summary>Records a grid the grid service created.</summary>
public sealed class RecordKnownGridConsumer<TDbContext>(TDbContext db, MessagingTelemetry telemetry, TimeProvider time)
    : InboxConsumer<GridCreated, TDbContext>(db, telemetry, time)
    where TDbContext : DbContext
{
    protected override Task HandleAsync(ConsumeContext<GridCreated> context, CancellationToken cancellationToken) =>
        Db.ApplyAnnouncementAsync(context.Message.GridCode, context.Message.Name, context.Message.OccurredAt, cancellationToken);
}

/// <summary>Renames a known grid; a rename that overtakes the creation creates the grid with its new name.</summary>
public sealed class RenameKnownGridConsumer<TDbContext>(TDbContext db, MessagingTelemetry telemetry, TimeProvider time)
    : InboxConsumer<GridRenamed, TDbContext>(db, telemetry, time)
    where TDbContext : DbContext
{
    protected override Task HandleAsync(ConsumeContext<GridRenamed> context, CancellationToken cancellationToken) =>
        Db.ApplyAnnouncementAsync(context.Message.GridCode, context.Message.Name, context.Message.OccurredAt, cancellationToken);
}
