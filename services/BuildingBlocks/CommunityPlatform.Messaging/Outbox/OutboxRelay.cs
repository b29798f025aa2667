using System.Diagnostics;
using System.Text.Json;
using CommunityPlatform.Messaging.FailPoints;
using CommunityPlatform.Messaging.Inbox;
using CommunityPlatform.ServiceKit.Persistence;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CommunityPlatform.Messaging.Outbox;

/// <summary>
/// Publishes committed outbox rows. Rows are claimed with <c>FOR UPDATE SKIP LOCKED</c> so replicas share the
/// work, published with the broker's confirm and the row id as MessageId, and marked sent in the same
/// transaction that claimed them. If the process dies between publish and commit the rows are published again;
/// consumers' inboxes make that harmless. A row the broker refuses backs off on its own schedule, so one
/// unroutable event does not hold up the others; when nothing at all gets through (the broker is away) the relay
/// itself backs off, and keeps retrying.
/// </summary>
public sealed partial class OutboxRelay<TDbContext>(
    IServiceScopeFactory scopeFactory,
    IBus bus,
    OutboxSignal signal,
    IntegrationEventTypes eventTypes,
    MessagingTelemetry telemetry,
    MessagingFailPoints failPoints,
    IOptions<OutboxOptions> options,
    TimeProvider time,
    ILogger<OutboxRelay<TDbContext>> logger) : BackgroundService
    where TDbContext : DbContext
{
    private readonly OutboxOptions _options = options.Value;
    private DateTimeOffset _nextHousekeeping;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var claimed = await RelayBatchAsync(stoppingToken);
                failures = 0;
                if (claimed >= _options.BatchSize)
                {
                    continue;
                }

                await HousekeepAsync(stoppingToken);
                await signal.WaitAsync(_options.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                failures++;
                var delay = Backoff(failures);
                LogRelayFailed(logger, failures, delay.TotalMilliseconds, ex.GetType().Name, ex.Message);
                await Task.Delay(delay, time, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    /// <summary>Claims, publishes and marks one batch; returns how many rows it claimed.</summary>
    public async Task<int> RelayBatchAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TDbContext>();
        var (published, failed) = await db.InRetriedTransactionAsync(async ct =>
        {
            var now = time.GetUtcNow();
            var batch = await db.Set<OutboxMessage>()
                .FromSql($"""
                    SELECT * FROM outbox_messages
                    WHERE sent_at IS NULL AND (next_attempt_at IS NULL OR next_attempt_at <= {now})
                    ORDER BY sequence LIMIT {_options.BatchSize}
                    FOR UPDATE SKIP LOCKED
                    """)
                .ToListAsync(ct);

            if (batch.Count == 0)
            {
                return (0, 0);
            }

            failPoints.AfterCommitBeforePublish();
            var outcomes = await Task.WhenAll(batch.Select(message => PublishAsync(message, ct)));
            now = time.GetUtcNow();
            foreach (var (message, error) in batch.Zip(outcomes))
            {
                if (error is null)
                {
                    message.SentAt = now;
                }
                else
                {
                    message.Attempts++;
                    message.LastError = error.Length > 2000 ? error[..2000] : error;
                    message.NextAttemptAt = now + Backoff(message.Attempts);
                }
            }

            await db.SaveChangesAsync(ct);
            return (outcomes.Count(e => e is null), outcomes.Count(e => e is not null));
        }, cancellationToken);

        if (published > 0)
        {
            telemetry.Published(published);
        }

        if (failed > 0 && published == 0)
        {
            throw new OutboxPublishException(failed);
        }

        return published + failed;
    }

    private TimeSpan Backoff(int attempts) =>
        TimeSpan.FromMilliseconds(Math.Min(_options.MaxRetryDelay.TotalMilliseconds, 100 * Math.Pow(2, Math.Min(attempts, 10))));

    private async Task<string?> PublishAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        using var activity = StartPublishActivity(message);
        try
        {
            var type = eventTypes.Resolve(message.MessageType);
            var payload = JsonSerializer.Deserialize(message.Payload, type, OutboxDbContextExtensions.PayloadJson)
                ?? throw new InvalidOperationException("Empty outbox payload.");

            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(_options.PublishTimeout);
            // The token does not end a wait for a publisher confirm on a channel that a connection reset left behind:
            // seen in the fault suite, one such publish held the relay (and every row after it) for good. So the
            // relay stops waiting by the clock; the row is retried, and a late confirm only means a duplicate,
            // which the consumers' inbox absorbs.
            await bus.Publish(payload, type, context =>
            {
                context.MessageId = message.Id;
                // A message that no queue would receive is returned and faults this publish, instead of being
                // confirmed and silently dropped by the broker; the row stays and is retried. An event the
                // catalogue lists with no subscriber has no queue to reach.
                if (context.TryGetPayload(out RabbitMqSendContext? rabbit))
                {
                    rabbit.Mandatory = eventTypes.MustReachAQueue(type);
                }
            }, timeout.Token).WaitAsync(_options.PublishTimeout, time, cancellationToken);
            return null;
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            var reason = ex switch
            {
                MessageReturnedException => "unroutable",
                MessageNotAcknowledgedException => "not_confirmed",
                OperationCanceledException or TimeoutException => "timeout",
                _ => "unavailable",
            };
            telemetry.PublishFailed(reason);
            activity?.SetStatus(ActivityStatusCode.Error, reason);
            return $"{reason}: {ex.GetType().Name}: {ex.Message}";
        }
    }

    private static Activity? StartPublishActivity(OutboxMessage message)
    {
        // Continue the trace of the request that wrote the event, so one trace spans both services.
        // A row without a valid traceparent is published under a new root: default(ActivityContext) is no parent.
        _ = ActivityContext.TryParse(message.TraceParent, message.TraceState, out var parent);
        var activity = MessagingTelemetry.ActivitySource.StartActivity("outbox publish", ActivityKind.Internal, parent);
        activity?.SetTag("messaging.message.id", message.Id);
        activity?.SetTag("messaging.message.type", message.MessageType);
        return activity;
    }

    private async Task HousekeepAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (now < _nextHousekeeping)
        {
            return;
        }

        await using var scope = scopeFactory.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TDbContext>();
        var unsent = db.Set<OutboxMessage>().Where(m => m.SentAt == null);
        var backlog = await unsent.LongCountAsync(cancellationToken);
        var oldest = backlog == 0 ? (DateTimeOffset?)null : await unsent.MinAsync(m => (DateTimeOffset?)m.OccurredAt, cancellationToken);
        telemetry.Backlog(backlog, oldest is { } o ? now - o : TimeSpan.Zero);

        var cutoff = now - _options.Retention;
        await db.Set<OutboxMessage>().Where(m => m.SentAt != null && m.SentAt < cutoff).ExecuteDeleteAsync(cancellationToken);
        await db.Set<InboxMessage>().Where(m => m.ReceivedAt < cutoff).ExecuteDeleteAsync(cancellationToken);
        _nextHousekeeping = now + TimeSpan.FromSeconds(5);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox relay attempt {Failures} failed; retrying in {DelayMs} ms ({ErrorType}: {Error})")]
    private static partial void LogRelayFailed(ILogger logger, int failures, double delayMs, string errorType, string error);
}

public sealed class OutboxPublishException(int failed)
    : Exception($"None of {failed} outbox message(s) were taken by the broker; they will be retried.");
