using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace CommunityPlatform.Messaging;

/// <summary>
/// The messaging building block's trace source and meters: outbox backlog and age, publishes, failures, and
/// what each consumer did with each message. Nothing here carries message content.
/// </summary>
public sealed class MessagingTelemetry : IDisposable
{
    public const string Name = "CommunityPlatform.Messaging";

    public static readonly ActivitySource ActivitySource = new(Name);

    private readonly Meter _meter;
    private readonly Counter<long> _published;
    private readonly Counter<long> _publishFailures;
    private readonly Counter<long> _consumed;
    private long _backlog;
    private double _oldestAgeSeconds;

    public MessagingTelemetry(IMeterFactory meterFactory)
    {
        _meter = meterFactory.Create(Name);
        _published = _meter.CreateCounter<long>("messaging.outbox.published", "{message}", "Outbox messages confirmed by the broker.");
        _publishFailures = _meter.CreateCounter<long>("messaging.outbox.publish_failures", "{message}",
            "Outbox messages the broker did not take (returned as unroutable, not confirmed, or unreachable); they stay in the outbox and are retried.");
        _consumed = _meter.CreateCounter<long>("messaging.consumer.messages", "{message}",
            "Messages handled by a consumer, by outcome: applied, duplicate (skipped by the inbox) or failed.");
        _meter.CreateObservableGauge("messaging.outbox.backlog", () => Volatile.Read(ref _backlog), "{message}", "Outbox messages not yet published.");
        _meter.CreateObservableGauge("messaging.outbox.oldest_age", () => Volatile.Read(ref _oldestAgeSeconds), "s", "Age of the oldest unpublished outbox message.");
    }

    public void Published(int count) => _published.Add(count);

    public void PublishFailed(string reason) => _publishFailures.Add(1, new KeyValuePair<string, object?>("reason", reason));

    public void Consumed(string consumer, string outcome) =>
        _consumed.Add(1, new KeyValuePair<string, object?>("consumer", consumer), new KeyValuePair<string, object?>("outcome", outcome));

    public void Backlog(long count, TimeSpan oldestAge)
    {
        Volatile.Write(ref _backlog, count);
        Volatile.Write(ref _oldestAgeSeconds, oldestAge.TotalSeconds);
    }

    public void Dispose() => _meter.Dispose();
}
