using System.Collections.Concurrent;
using CommunityPlatform.Benchmarks.Load;
using CommunityPlatform.Benchmarks.Suite;
using CommunityPlatform.ServiceDefaults;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace CommunityPlatform.Benchmarks.Scenarios;

/// <summary>
/// The broker's own speed on this machine, the baselines the suite is measured against: a message is published
/// persistent with a publisher confirm and counted when a consumer has received it. Max rate from a closed loop;
/// latency (publish due → consumed) at half of it.
/// </summary>
public abstract class BrokerBaseline : IScenario
{
    public abstract string Id { get; }

    public abstract string What { get; }

    public async Task<IReadOnlyList<Measurement>> RunAsync(SuiteHost suite, Settings settings)
    {
        await using var roundTrip = await ConnectAsync(await suite.ConnectionStringAsync(ResourceNames.Messaging));
        await LoadDriver.SaturateAsync(settings.Workers, TimeSpan.FromSeconds(2), roundTrip.SendAsync);
        var cpu = new CpuMeter();
        var max = await LoadDriver.SaturateAsync(settings.Workers * 4, settings.Saturation, roundTrip.SendAsync);
        var use = cpu.Stop();
        var half = await LoadDriver.OpenLoopAsync(max.AchievedRate / 2, settings.Steady, roundTrip.SendAsync);
        return
        [
            new(Id, "max rate", max.AchievedRate, "msg/s"),
            new(Id, "suite cores at max", use.SuiteCores, "cores"),
            new(Id, "p50 at half rate", half.P50, "ms"),
            new(Id, "p99 at half rate", half.P99, "ms"),
            .. use.Processes(Id, "cores at max", 3),
        ];
    }

    private protected abstract Task<RoundTrip> ConnectAsync(string amqpUri);
}

/// <summary>Sends message <c>i</c> and completes when the consumer has it.</summary>
internal abstract class RoundTrip : IAsyncDisposable
{
    private readonly ConcurrentDictionary<long, TaskCompletionSource> _waiting = new();

    public async Task<bool> SendAsync(long sequence)
    {
        var received = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _waiting[sequence] = received;
        await PublishAsync(sequence);
        await received.Task.WaitAsync(TimeSpan.FromSeconds(30));
        return true;
    }

    protected void Received(long sequence)
    {
        if (_waiting.TryRemove(sequence, out var waiting))
        {
            waiting.TrySetResult();
        }
    }

    protected abstract Task PublishAsync(long sequence);

    public abstract ValueTask DisposeAsync();
}

/// <summary>B1: the RabbitMQ .NET client alone.</summary>
public sealed class RawRabbitMqBaseline : BrokerBaseline
{
    public override string Id => "B1";

    private const int PublishChannels = 16;

    public override string What => "raw RabbitMQ client publish→consume, persistent, confirms";

    private protected override async Task<RoundTrip> ConnectAsync(string amqpUri)
    {
        var connection = await new ConnectionFactory { Uri = new Uri(amqpUri) }.CreateConnectionAsync();
        // A channel waits for each publish's confirm before the next goes out, so concurrent publishers get a channel each.
        var publishers = new IChannel[PublishChannels];
        for (var i = 0; i < publishers.Length; i++)
        {
            publishers[i] = await connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));
        }

        var consumer = await connection.CreateChannelAsync();
        var queue = "bench-raw-" + Guid.NewGuid().ToString("N")[..8];
        await consumer.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: true);
        await consumer.BasicQosAsync(0, 500, false);
        var trip = new RawTrip(connection, publishers, consumer, queue);
        var receiver = new AsyncEventingBasicConsumer(consumer);
        receiver.ReceivedAsync += trip.OnReceivedAsync;
        await consumer.BasicConsumeAsync(queue, autoAck: false, receiver);
        return trip;
    }

    internal sealed class RawTrip(IConnection connection, IChannel[] publishers, IChannel consumer, string queue) : RoundTrip
    {
        private static readonly BasicProperties Persistent = new() { Persistent = true };

        protected override async Task PublishAsync(long sequence) =>
            await publishers[sequence % publishers.Length].BasicPublishAsync("", queue, mandatory: false, Persistent, BitConverter.GetBytes(sequence));

        public async Task OnReceivedAsync(object sender, BasicDeliverEventArgs delivery)
        {
            var sequence = BitConverter.ToInt64(delivery.Body.Span);
            await consumer.BasicAckAsync(delivery.DeliveryTag, multiple: false);
            Received(sequence);
        }

        public override async ValueTask DisposeAsync()
        {
            foreach (var publisher in publishers)
            {
                await publisher.DisposeAsync();
            }

            await consumer.DisposeAsync();
            await connection.DisposeAsync();
        }
    }
}

/// <summary>B2: MassTransit on the same broker, with its defaults for durable messages and publisher confirms.</summary>
public sealed class MassTransitBaseline : BrokerBaseline
{
    public override string Id => "B2";

    public override string What => "raw MassTransit publish→consume, same durability";

    private protected override async Task<RoundTrip> ConnectAsync(string amqpUri)
    {
        var trip = new MassTransitTrip();
        var uri = new Uri(amqpUri);
        var credentials = Uri.UnescapeDataString(uri.UserInfo).Split(':', 2);
        var services = new ServiceCollection()
            .AddSingleton(trip)
            .AddMassTransit(bus =>
            {
                bus.AddConsumer<BenchPingConsumer>();
                bus.UsingRabbitMq((context, rabbit) =>
                {
                    var virtualHost = uri.AbsolutePath.Trim('/') is { Length: > 0 } path ? Uri.UnescapeDataString(path) : "/";
                    rabbit.Host(uri.Host, (ushort)uri.Port, virtualHost, host =>
                    {
                        host.Username(credentials[0]);
                        host.Password(credentials.ElementAtOrDefault(1) ?? "");
                        host.PublisherConfirmation = true;
                    });
                    rabbit.ReceiveEndpoint("bench-masstransit-" + Guid.NewGuid().ToString("N")[..8], endpoint =>
                    {
                        endpoint.AutoDelete = true;
                        endpoint.PrefetchCount = 500;
                        endpoint.ConfigureConsumer<BenchPingConsumer>(context);
                    });
                });
            })
            .BuildServiceProvider();
        trip.Services = services;
        await services.GetRequiredService<IBusControl>().StartAsync(new CancellationTokenSource(TimeSpan.FromMinutes(1)).Token);
        return trip;
    }

    internal sealed class MassTransitTrip : RoundTrip
    {
        public ServiceProvider Services { get; set; } = null!;

        public void Consumed(long sequence) => Received(sequence);

        protected override Task PublishAsync(long sequence) => Services.GetRequiredService<IBus>().Publish(new BenchPing(sequence));

        public override async ValueTask DisposeAsync()
        {
            await Services.GetRequiredService<IBusControl>().StopAsync();
            await Services.DisposeAsync();
        }
    }

    internal sealed class BenchPingConsumer(MassTransitTrip trip) : IConsumer<BenchPing>
    {
        public Task Consume(ConsumeContext<BenchPing> context)
        {
            trip.Consumed(context.Message.Sequence);
            return Task.CompletedTask;
        }
    }
}

/// <summary>The benchmark's own message; MassTransit names its exchange after the type.</summary>
public sealed record BenchPing(long Sequence);
