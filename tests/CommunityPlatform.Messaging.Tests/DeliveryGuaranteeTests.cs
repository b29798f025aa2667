using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using CommunityPlatform.Messaging.Tests.Ledger;
using CommunityPlatform.TestSupport;

namespace CommunityPlatform.Messaging.Tests;

/// <summary>What the relay does beyond delivering: refusing to drop in silence, and carrying the trace along.</summary>
[Collection(InfrastructureCollection.Name)]
public sealed class DeliveryGuaranteeTests(LocalInfrastructureFixture infrastructure)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task An_event_no_queue_would_take_stays_in_the_outbox_counted_as_unroutable_and_does_not_hold_up_others()
    {
        var unroutable = 0L;
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == MessagingTelemetry.Name && instrument.Name == "messaging.outbox.publish_failures")
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag is { Key: "reason", Value: "unroutable" })
                {
                    Interlocked.Add(ref unroutable, value);
                }
            }
        });
        listener.Start();

        await using var service = new LedgerService(infrastructure, "ledger" + Guid.NewGuid().ToString("N")[..8]);
        await service.StartAsync();
        var notice = new NoticeWithoutSubscribers { EventId = Guid.NewGuid(), OccurredAt = DateTimeOffset.UtcNow };

        await service.WriteAsync(notice);
        var ids = await service.RecordAsync(50);

        var effects = await Eventually.ReturnsAsync(service.EffectsAsync, e => e.Count == 50, Patience, "the routable events, not held up");
        Assert.All(ids, id => Assert.Equal(1, effects[id]));
        await Eventually.ReturnsAsync(() => Task.FromResult(Interlocked.Read(ref unroutable)), n => n >= 2, Patience, "repeated unroutable failures");
        var row = await service.OutboxRowAsync(notice.EventId);
        Assert.Null(row.SentAt);
        Assert.True(row.Attempts >= 2);
        Assert.StartsWith("unroutable", row.LastError);
    }

    [Fact]
    public async Task The_trace_of_the_request_that_wrote_an_event_continues_in_its_consumer()
    {
        var consumeTraces = new ConcurrentBag<ActivityTraceId>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is "MassTransit" or MessagingTelemetry.Name or nameof(DeliveryGuaranteeTests),
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (activity.Source.Name == "MassTransit" && activity.Kind == ActivityKind.Consumer)
                {
                    consumeTraces.Add(activity.TraceId);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        using var requests = new ActivitySource(nameof(DeliveryGuaranteeTests));

        await using var service = new LedgerService(infrastructure, "ledger" + Guid.NewGuid().ToString("N")[..8]);
        await service.StartAsync();
        ActivityTraceId requestTrace;
        using (var request = requests.StartActivity("POST /api/ledger/entries", ActivityKind.Server))
        {
            requestTrace = request!.TraceId;
            await service.RecordAsync(1);
        }

        await Eventually.ReturnsAsync(service.EffectsAsync, e => e.Count == 1, Patience, "the effect");
        await Eventually.ReturnsAsync(() => Task.FromResult(consumeTraces.Contains(requestTrace)), found => found, Patience,
            "a consume activity in the request's trace");
    }
}
