using CommunityPlatform.Messaging.FailPoints;
using CommunityPlatform.Messaging.Outbox;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace CommunityPlatform.Messaging;

public static class MessagingExtensions
{
    /// <summary>The connection string name of the suite's RabbitMQ virtual host.</summary>
    public const string ConnectionName = "messaging";

    /// <summary>
    /// MassTransit on RabbitMQ with this service's transactional outbox (relay) and its inbox-guarded consumers.
    /// The service is ready only once its receive endpoints are bound. The service database (<c>AddServiceDatabase</c>)
    /// wires in the outbox's commit interceptor registered here, and is migrated before the bus and the relay start
    /// whichever of the two is added first.
    /// </summary>
    public static IHostApplicationBuilder AddPlatformMessaging<TDbContext>(
        this IHostApplicationBuilder builder, string serviceName, Action<PlatformMessagingBuilder>? configure = null)
        where TDbContext : DbContext
    {
        var messaging = new PlatformMessagingBuilder(serviceName);
        configure?.Invoke(messaging);

        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<MessagingTelemetry>();
        services.TryAddSingleton<OutboxSignal>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IInterceptor, OutboxCommitInterceptor>());
        services.AddSingleton(new PlatformMessagingRegistration(serviceName, [.. messaging.Consumers.Select(c => c.Message)]));
        services.AddSingleton(new IntegrationEventTypes(
            messaging.EventAssemblies, messaging.Subscriptions.Where(s => s.Value.Count == 0).Select(s => s.Key)));
        services.AddOptions<OutboxOptions>().BindConfiguration("Messaging:Outbox");
        services.AddOptions<FailPointOptions>().BindConfiguration("Messaging:FailPoints");
        services.TryAddSingleton<MessagingFailPoints>();
        services.AddHostedService<OutboxRelay<TDbContext>>();
        services.AddSingleton(sp => sp.GetServices<IHostedService>().OfType<OutboxRelay<TDbContext>>().Single());

        services.AddOptions<MassTransitHostOptions>().Configure(options =>
        {
            options.WaitUntilStarted = true;
            options.StartTimeout = TimeSpan.FromMinutes(2);
            options.StopTimeout = TimeSpan.FromSeconds(30);
        });

        services.AddMassTransit(bus =>
        {
            foreach (var (consumer, _) in messaging.Consumers)
            {
                bus.AddConsumer(consumer);
            }

            bus.UsingRabbitMq((context, rabbit) =>
            {
                var connectionString = builder.Configuration.GetConnectionString(ConnectionName)
                    ?? throw new InvalidOperationException($"ConnectionStrings:{ConnectionName} is not configured.");
                var uri = new Uri(connectionString);
                var credentials = Uri.UnescapeDataString(uri.UserInfo).Split(':', 2);
                var virtualHost = uri.AbsolutePath.Trim('/') is { Length: > 0 } path ? Uri.UnescapeDataString(path) : "/";
                rabbit.Host(uri.Host, (ushort)(uri.IsDefaultPort || uri.Port < 0 ? 5672 : uri.Port), virtualHost, host =>
                {
                    host.Username(credentials.ElementAtOrDefault(0) is { Length: > 0 } user ? user : "guest");
                    host.Password(credentials.ElementAtOrDefault(1) ?? "guest");
                    host.PublisherConfirmation = true;
                });

                foreach (var (messageType, subscribers) in messaging.Subscriptions)
                {
                    // Binds each subscriber's durable queue straight to the event's exchange, declared by the producer
                    // before its first publish. The consumer later adds its own route to the same queue; RabbitMQ
                    // still enqueues each message once per queue.
                    rabbit.Publish(messageType, topology =>
                    {
                        foreach (var subscriber in subscribers)
                        {
                            topology.BindQueue(ExchangeName(rabbit, messageType), EventSubscriptions.QueueName(subscriber, messageType));
                        }
                    });
                }

                foreach (var (consumer, messageType) in messaging.Consumers)
                {
                    rabbit.ReceiveEndpoint(EventSubscriptions.QueueName(messaging.ServiceName, messageType), endpoint =>
                    {
                        // No delayed-exchange plugin here, so retries are immediate with back-off; after them the
                        // message moves to the endpoint's _error queue and the queue behind it keeps flowing.
                        endpoint.UseMessageRetry(retry => retry.Exponential(5, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(2), TimeSpan.FromMilliseconds(200)));
                        endpoint.ConfigureConsumer(context, consumer);
                    });
                }
            });
        });

        return builder;
    }

    /// <summary>The exchange MassTransit publishes <paramref name="messageType"/> to (its formatter is generic only).</summary>
    private static string ExchangeName(IRabbitMqBusFactoryConfigurator rabbit, Type messageType) =>
        (string)typeof(IEntityNameFormatter).GetMethod(nameof(IEntityNameFormatter.FormatEntityName))!
            .MakeGenericMethod(messageType)
            .Invoke(rabbit.MessageTopology.EntityNameFormatter, null)!;
}
