using CommunityPlatform.ServiceKit.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CommunityPlatform.ServiceKit.Web;

/// <summary>
/// A service's codes (statuses, kinds, categories) with the labels its domain gives them, in the domain's order.
/// A record carries its own labels (<c>statusLabel</c> …); these are for a client that needs them without one —
/// the choices of a filter or a form — so the domain stays the one place a label is written.
/// </summary>
public sealed class LabelCatalogue
{
    private readonly Dictionary<string, IReadOnlyDictionary<string, string>> _groups = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Groups => _groups;

    public LabelCatalogue Add<TEnum>(string group, IReadOnlyDictionary<TEnum, string> labels)
        where TEnum : struct, Enum => Add(group, labels.Select(kv => (kv.Key.ToString(), kv.Value)));

    /// <summary>Codes that are not one enum's, such as a filter's group (<c>Active</c>) beside the statuses it stands for.</summary>
    public LabelCatalogue Add(string group, IEnumerable<(string Code, string Label)> labels)
    {
        _groups[group] = labels.ToDictionary(l => l.Code, l => l.Label, StringComparer.Ordinal);
        return this;
    }
}

public static class LabelsApi
{
    public const string ReadLabels = "labels.read";

    /// <summary>Labels are no one's secret: every person's role reads them; the machine clients work with codes.</summary>
    internal static readonly string[] Readers =
    [
        CommunityRoles.Secretary, CommunityRoles.Staff, CommunityRoles.GridWorker, CommunityRoles.Inspector,
        CommunityRoles.VolunteerLeader, CommunityRoles.Member, CommunityRoles.Resident,
    ];

    /// <summary>GET /api/{service}/labels: { group: { code: label } }.</summary>
    public static IEndpointRouteBuilder MapLabelsApi(this IEndpointRouteBuilder app, string service, LabelCatalogue labels)
    {
        app.MapGet($"/api/{service}/labels", () => TypedResults.Ok(labels.Groups))
            .WithTags("Labels")
            .WithName("GetLabels")
            .WithSummary("The labels of this service's codes (statuses, kinds, categories), grouped, in the domain's order")
            .RequireAuthorization(ReadLabels);
        return app;
    }
}
