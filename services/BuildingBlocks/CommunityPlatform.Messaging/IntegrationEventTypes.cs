using System.Text.RegularExpressions;
using CommunityPlatform.Contracts;

namespace CommunityPlatform.Messaging;

/// <summary>
/// The event types a service may write to its outbox, by stable name. Only known contract types are ever
/// deserialised from the outbox, never a type named by the data itself. Also knows which of them the catalogue
/// declares as having no subscriber at all.
/// </summary>
public sealed partial class IntegrationEventTypes
{
    private readonly Dictionary<string, Type> _byName;
    private readonly HashSet<Type> _unsubscribed;

    public IntegrationEventTypes(IEnumerable<System.Reflection.Assembly> assemblies, IEnumerable<Type> unsubscribed)
    {
        _unsubscribed = [.. unsubscribed];
        _byName = assemblies
            .Distinct()
            .SelectMany(a => a.GetExportedTypes())
            .Where(t => t is { IsAbstract: false, IsClass: true } && typeof(IntegrationEvent).IsAssignableFrom(t))
            .ToDictionary(NameOf, StringComparer.Ordinal);
    }

    public static string NameOf(Type type) => type.FullName ?? type.Name;

    /// <summary>The event's name in kebab case (<c>MemberRegistered</c> is <c>member-registered</c>), for queue and feed names.</summary>
    public static string KebabNameOf(Type type) => KebabBoundary().Replace(type.Name, "-").ToLowerInvariant();

    [GeneratedRegex("(?<=[a-z0-9])(?=[A-Z])", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex KebabBoundary();

    /// <summary>
    /// False only for an event the catalogue lists with no subscriber (its outbox row is its record); for every
    /// other event, a publish that no queue receives is an error, never a silent drop.
    /// </summary>
    public bool MustReachAQueue(Type type) => !_unsubscribed.Contains(type);

    public Type Resolve(string name) =>
        _byName.TryGetValue(name, out var type)
            ? type
            : throw new InvalidOperationException($"'{name}' is not a known integration event type.");
}
