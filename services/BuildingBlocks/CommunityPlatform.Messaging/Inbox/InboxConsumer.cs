using CommunityPlatform.Messaging.FailPoints;
using CommunityPlatform.ServiceKit.Persistence;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityPlatform.Messaging.Inbox;

/// <summary>
/// Base for every consumer: the message is applied inside one transaction that first records
/// (message id, consumer) in the inbox. A second delivery finds the row and is acknowledged without effect; a
/// failure before commit rolls back both the effect and the inbox row, so the redelivery applies it once.
/// Outbox rows the handler adds commit in the same transaction.
/// </summary>
public abstract class InboxConsumer<TMessage, TDbContext>(TDbContext db, MessagingTelemetry telemetry, TimeProvider time) : IConsumer<TMessage>
    where TMessage : class
    where TDbContext : DbContext
{
    protected TDbContext Db => db;

    protected TimeProvider Time => time;

    public async Task Consume(ConsumeContext<TMessage> context)
    {
        var messageId = context.MessageId
            ?? throw new InvalidOperationException("A message without a MessageId cannot be deduplicated.");
        var consumer = GetType().Name;
        try
        {
            var applied = await db.InRetriedTransactionAsync(async ct =>
            {
                var inserted = await db.Database.ExecuteSqlAsync(
                    $"INSERT INTO inbox_messages (message_id, consumer, received_at) VALUES ({messageId}, {consumer}, {time.GetUtcNow()}) ON CONFLICT DO NOTHING",
                    ct);
                if (inserted == 0)
                {
                    return false;
                }

                await HandleAsync(context, ct);
                await db.SaveChangesAsync(ct);
                return true;
            }, context.CancellationToken);

            telemetry.Consumed(consumer, applied ? "applied" : "duplicate");
            if (applied && context.TryGetPayload(out IServiceProvider? services))
            {
                services.GetService<MessagingFailPoints>()?.AfterConsumeCommitBeforeAck();
            }
        }
        catch
        {
            telemetry.Consumed(consumer, "failed");
            throw;
        }
    }

    /// <summary>Applies the message to the service's state through <see cref="Db"/>; do not call SaveChanges.</summary>
    protected abstract Task HandleAsync(ConsumeContext<TMessage> context, CancellationToken cancellationToken);
}
