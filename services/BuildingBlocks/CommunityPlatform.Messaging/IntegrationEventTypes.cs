using CommunityPlatform.Contracts;

namespace CommunityPlatform.Messaging;

/// <summary>
/// The event types a service may write to its outbox, by stable name. Only known contract types are ever
/// deserialised from the outbox, never a type named by the data itself.
/// </summary>
public sealed class IntegrationEventTypes
{
    private readonly Dictionary<string, Type> _byName;

    public IntegrationEventTypes(IEnumerable<System.Reflection.Assembly> assemblies)
    {
        _byName = assemblies
            .Distinct()
            .SelectMany(a => a.GetExportedTypes())
            .Where(t => t is { IsAbstract: false, IsClass: true } && typeof(IntegrationEvent).IsAssignableFrom(t))
            .ToDictionary(NameOf, StringComparer.Ordinal);
    }

    public static string NameOf(Type type) => type.FullName ?? type.Name;

    public Type Resolve(string name) =>
        _byName.TryGetValue(name, out var type)
            ? type
            : throw new InvalidOperationException($"'{name}' is not a known integration event type.");
}
