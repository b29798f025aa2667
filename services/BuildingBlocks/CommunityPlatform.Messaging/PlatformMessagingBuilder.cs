using System.Reflection;
using CommunityPlatform.Contracts;
using MassTransit;

namespace CommunityPlatform.Messaging;

/// <summary>What one service consumes, and any subscriptions beyond the shared catalogue.</summary>
public sealed class PlatformMessagingBuilder(string serviceName)
{
    internal string ServiceName { get; } = serviceName;

    internal List<(Type Consumer, Type Message)> Consumers { get; } = [];

    internal Dictionary<Type, HashSet<string>> Subscriptions { get; } =
        EventSubscriptions.Catalogue.ToDictionary(kv => kv.Key, kv => kv.Value.ToHashSet());

    internal HashSet<Assembly> EventAssemblies { get; } = [typeof(IntegrationEvent).Assembly];

    /// <summary>Listens for <typeparamref name="TMessage"/> on this service's queue for it.</summary>
    public PlatformMessagingBuilder AddConsumer<TConsumer, TMessage>()
        where TConsumer : class, IConsumer<TMessage>
        where TMessage : class
    {
        Consumers.Add((typeof(TConsumer), typeof(TMessage)));
        Subscribe<TMessage>(ServiceName);
        return this;
    }

    /// <summary>Declares that <paramref name="service"/> consumes <typeparamref name="TMessage"/> (for events outside the catalogue).</summary>
    public PlatformMessagingBuilder Subscribe<TMessage>(string service)
    {
        if (!Subscriptions.TryGetValue(typeof(TMessage), out var services))
        {
            Subscriptions[typeof(TMessage)] = services = [];
        }

        services.Add(service);
        EventAssemblies.Add(typeof(TMessage).Assembly);
        return this;
    }
}

/// <summary>
/// What a service registered on the bus: its name there and the events it consumes, so a test can hold them
/// against <see cref="EventSubscriptions.Catalogue"/>.
/// </summary>
public sealed record PlatformMessagingRegistration(string ServiceName, IReadOnlyList<Type> ConsumedEvents);
