using System.Data.Common;
using CommunityPlatform.Messaging.Tests.Ledger;
using CommunityPlatform.TestSupport;
using MassTransit;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityPlatform.Messaging.Tests;

/// <summary>
/// The outbox and inbox against a real PostgreSQL and a real RabbitMQ: each test runs a scratch service with its
/// own database and queue, and counts effect rows — exactly one per message is the only passing answer.
/// </summary>
[Collection(InfrastructureCollection.Name)]
public sealed class OutboxInboxTests(LocalInfrastructureFixture infrastructure)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    private static string NewServiceName() => "ledger" + Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task Outbox_events_reach_the_consumer_once_each()
    {
        await using var service = new LedgerService(infrastructure, NewServiceName());
        await service.StartAsync();

        var ids = await service.RecordAsync(200);

        var effects = await Eventually.ReturnsAsync(service.EffectsAsync, e => e.Count == ids.Count, Patience, "200 effects");
        Assert.All(ids, id => Assert.Equal(1, effects[id]));
        await Eventually.ReturnsAsync(service.UnsentAsync, n => n == 0, Patience, "an empty outbox");
    }

    [Fact]
    public async Task The_same_message_delivered_twice_is_applied_once()
    {
        using var outcomes = new ConsumerOutcomes();
        await using var service = new LedgerService(infrastructure, NewServiceName());
        await service.StartAsync();
        var bus = service.Services.GetRequiredService<IBus>();
        var message = new LedgerEntryRecorded { EventId = Guid.NewGuid(), OccurredAt = DateTimeOffset.UtcNow, EntryId = Guid.NewGuid() };

        await bus.Publish(message, context => context.MessageId = message.EventId);
        await bus.Publish(message, context => context.MessageId = message.EventId);

        await Eventually.ReturnsAsync(() => Task.FromResult(outcomes["duplicate"]), n => n >= 1, Patience, "the second delivery to be skipped");
        var effects = await service.EffectsAsync();
        Assert.Equal(1, effects[message.EntryId]);
        Assert.Equal(1, outcomes["applied"]);
    }

    [Fact]
    public async Task A_consumer_that_fails_after_its_write_is_retried_and_applies_once()
    {
        using var outcomes = new ConsumerOutcomes();
        await using var service = new LedgerService(infrastructure, NewServiceName());
        await service.StartAsync();
        var bus = service.Services.GetRequiredService<IBus>();
        var message = new LedgerEntryRecorded { EventId = Guid.NewGuid(), OccurredAt = DateTimeOffset.UtcNow, EntryId = Guid.NewGuid() };
        RecordEffectConsumer.FailAfterWrite[message.EntryId] = true;

        await bus.Publish(message, context => context.MessageId = message.EventId);

        var effects = await Eventually.ReturnsAsync(service.EffectsAsync, e => e.ContainsKey(message.EntryId), Patience, "the retried effect");
        Assert.False(RecordEffectConsumer.FailAfterWrite.ContainsKey(message.EntryId), "the fault was never injected");
        Assert.True(outcomes["failed"] >= 1, "the first attempt should have failed");
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Equal(1, (await service.EffectsAsync())[message.EntryId]);
    }

    [Fact]
    public async Task A_poison_message_ends_in_the_error_queue_without_blocking_the_messages_behind_it()
    {
        await using var service = new LedgerService(infrastructure, NewServiceName());
        await service.StartAsync();
        var bus = service.Services.GetRequiredService<IBus>();
        var poison = new LedgerEntryRecorded { EventId = Guid.NewGuid(), OccurredAt = DateTimeOffset.UtcNow, EntryId = Guid.NewGuid(), Poison = true };

        await bus.Publish(poison, context => context.MessageId = poison.EventId);
        var ids = await service.RecordAsync(20);

        var effects = await Eventually.ReturnsAsync(service.EffectsAsync, e => e.Count == 20, Patience, "the 20 good effects");
        Assert.DoesNotContain(poison.EntryId, effects.Keys);
        Assert.All(ids, id => Assert.Equal(1, effects[id]));
        await Eventually.ReturnsAsync(() => infrastructure.QueueDepthAsync(service.Queue + "_error"), n => n == 1, Patience, "the poison message in the error queue");
    }

    [Fact]
    public async Task A_relay_that_dies_between_publishing_and_marking_sent_loses_nothing_and_duplicates_no_effect()
    {
        using var outcomes = new ConsumerOutcomes();
        var name = NewServiceName();
        var crash = new CrashBeforeMarkingSent(times: 3);

        await using (var first = new LedgerService(infrastructure, name, crash))
        {
            await first.StartAsync();
            var ids = await first.RecordAsync(1000);
            // Stop mid-stream: some batches were published and marked, some published and not marked (the
            // injected crashes), the rest not yet claimed.
            await Eventually.ReturnsAsync(() => Task.FromResult(crash.Remaining), n => n == 0, Patience, "the injected crashes");
            await first.StopAsync();

            await using var second = new LedgerService(infrastructure, name);
            await second.StartAsync();
            var effects = await Eventually.ReturnsAsync(second.EffectsAsync, e => e.Count == ids.Count, Patience, "all 1,000 effects after the restart");
            await Eventually.ReturnsAsync(second.UnsentAsync, n => n == 0, Patience, "an empty outbox");
            Assert.All(ids, id => Assert.Equal(1, effects[id]));
        }

        Assert.True(outcomes["duplicate"] > 0, "the crashes should have caused redeliveries that the inbox skipped");
    }

    [Fact]
    public async Task Events_written_while_the_broker_is_down_wait_in_the_outbox_and_are_all_delivered_once()
    {
        await using var service = new LedgerService(infrastructure, NewServiceName());
        await service.StartAsync();
        await service.RecordAsync(1);
        await Eventually.ReturnsAsync(service.EffectsAsync, e => e.Count == 1, Patience, "the warm-up effect");

        infrastructure.Broker.Stop();
        List<Guid> ids;
        try
        {
            ids = await service.RecordAsync(100);
            await Task.Delay(TimeSpan.FromSeconds(2));
            Assert.Equal(100, await service.UnsentAsync());
        }
        finally
        {
            await infrastructure.StartBrokerAsync();
        }

        var effects = await Eventually.ReturnsAsync(service.EffectsAsync, e => e.Count == 101, TimeSpan.FromMinutes(3), "the 100 waiting effects");
        Assert.All(ids, id => Assert.Equal(1, effects[id]));
        // The consumer may commit before the relay's "mark sent" commit lands.
        await Eventually.ReturnsAsync(service.UnsentAsync, n => n == 0, Patience, "an empty outbox");
    }

    /// <summary>Fails the relay's "mark sent" commit a few times: the process dying after the broker confirmed.</summary>
    private sealed class CrashBeforeMarkingSent(int times) : DbCommandInterceptor
    {
        private int _remaining = times;

        public int Remaining => Math.Max(0, Volatile.Read(ref _remaining));

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default) =>
            Crash(command) ? throw new InvalidOperationException("Simulated crash before marking sent.") : ValueTask.FromResult(result);

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default) =>
            Crash(command) ? throw new InvalidOperationException("Simulated crash before marking sent.") : ValueTask.FromResult(result);

        private bool Crash(DbCommand command) =>
            command.CommandText.Contains("UPDATE outbox_messages", StringComparison.Ordinal) && Interlocked.Decrement(ref _remaining) >= 0;
    }
}
