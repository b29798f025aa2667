using System.Globalization;
using System.Text.Json;

namespace CommunityPlatform.DemoCommunity;

/// <summary>
/// The figures the generator knows it created, keyed by the path of the statistics field that must show them:
/// the service, then the camelCase JSON path of the field in that service's <c>GET /api/&lt;service&gt;/statistics</c>
/// answer for the period, dictionary keys as serialised (enum names), lists keyed by their code
/// (<c>membership.committees.CQ-ZZB.members</c>, <c>safety.patrolQuotas.G03.attained</c>).
/// </summary>
public static class GroundTruth
{
    public static readonly IReadOnlyList<string> Services = ["membership", "grid", "safety", "volunteer"];

    /// <summary>The fields of a list's items that name the item in a path.</summary>
    private static readonly string[] ItemKeys = ["organisationCode", "gridCode", "code"];

    /// <summary>Every number in a statistics answer under its path, so an answer can be compared with the truth key by key.</summary>
    public static IReadOnlyDictionary<string, decimal> Flatten(string service, JsonElement statistics)
    {
        var figures = new SortedDictionary<string, decimal>(StringComparer.Ordinal);
        Walk(service, statistics, figures);
        return figures;
    }

    /// <summary>The keys of <paramref name="truth"/> whose figure <paramref name="actual"/> shows differently, as "key: expected ≠ actual".</summary>
    public static IReadOnlyList<string> Differences(IReadOnlyDictionary<string, decimal> truth, IReadOnlyDictionary<string, decimal> actual) =>
        [.. truth.Where(t => !actual.TryGetValue(t.Key, out var value) || value != t.Value)
            .Select(t => $"{t.Key}: expected {t.Value.ToString(CultureInfo.InvariantCulture)}, "
                + (actual.TryGetValue(t.Key, out var value) ? $"got {value.ToString(CultureInfo.InvariantCulture)}" : "missing"))];

    /// <summary>The truth as JSON: one object, keys in order.</summary>
    public static string ToJson(IReadOnlyDictionary<string, decimal> truth) =>
        JsonSerializer.Serialize(new SortedDictionary<string, decimal>(truth.ToDictionary(), StringComparer.Ordinal), new JsonSerializerOptions { WriteIndented = true });

    private static void Walk(string path, JsonElement element, IDictionary<string, decimal> figures)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Number:
                figures[path] = element.GetDecimal();
                break;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    Walk($"{path}.{property.Name}", property.Value, figures);
                }

                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    var key = item.ValueKind == JsonValueKind.Object
                        ? ItemKeys.Select(k => item.TryGetProperty(k, out var name) ? name.GetString() : null).FirstOrDefault(n => n is not null)
                        : null;
                    Walk($"{path}.{key ?? index.ToString(CultureInfo.InvariantCulture)}", item, figures);
                    index++;
                }

                break;
        }
    }
}

/// <summary>Collects the truth while the plan is made.</summary>
internal sealed class TruthBuilder
{
    private readonly SortedDictionary<string, decimal> _figures = new(StringComparer.Ordinal);

    public TruthBuilder Add(string key, decimal value)
    {
        _figures[key] = value;
        return this;
    }

    /// <summary>A share as the services compute it (<c>Rates.Of</c>): four places; nothing when there is no whole.</summary>
    public TruthBuilder AddRate(string key, int part, int whole) => whole == 0 ? this : Add(key, Math.Round((decimal)part / whole, 4));

    public IReadOnlyDictionary<string, decimal> Build() => _figures;
}
