using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using CommunityPlatform.Reporting.Domain;

namespace CommunityPlatform.Reporting.FunctionalTests;

/// <summary>
/// Stands in for the four services behind the reporting service: answers their statistics and the organisation tree
/// with documents built from figure keys, and remembers what it was asked and with which token.
/// </summary>
public sealed class FakeServices : HttpMessageHandler
{
    public const string GeneralBranch = "DZZ";

    private volatile IReadOnlyDictionary<string, decimal> _figures = Figures(1);

    public ConcurrentQueue<(Uri Uri, string? Authorization)> Requests { get; } = new();

    /// <summary>A service that answers this status instead of its statistics, e.g. safety with 500.</summary>
    public ConcurrentDictionary<string, HttpStatusCode> Failing { get; } = new();

    public IReadOnlyDictionary<string, decimal> Current => _figures;

    /// <summary>Every figure of the report with a value of its own (so a figure read from the wrong place shows), shifted by <paramref name="seed"/>.</summary>
    public static IReadOnlyDictionary<string, decimal> Figures(int seed) => ReportTemplate.Figures
        .Select((figure, i) => (Key: figure.Key.Replace("{generalBranch}", GeneralBranch), figure.Format, i))
        .ToDictionary(f => f.Key, f => f.Format == FigureFormat.Percent ? Math.Round((f.i % 9 + seed) / 10m, 3) : 10 * seed + f.i + 0.5m * (f.Format == FigureFormat.Hours ? 1 : 0));

    public void Serve(IReadOnlyDictionary<string, decimal> figures) => _figures = figures;

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Requests.Enqueue((request.RequestUri!, request.Headers.Authorization?.ToString()));
        var service = request.RequestUri!.AbsolutePath.Split('/')[2];
        if (Failing.TryGetValue(service, out var status))
        {
            return Task.FromResult(new HttpResponseMessage(status));
        }

        var body = request.RequestUri.AbsolutePath.EndsWith("/organisations", StringComparison.Ordinal)
            ? """[{"code":"DZZ-1","kind":"Branch","parentCode":"DZZ"},{"code":"DZZ","kind":"GeneralBranch","parentCode":null}]"""
            : Document(service).ToJsonString();
        return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(body, Encoding.UTF8, "application/json") });
    }

    /// <summary>The statistics document of one service, nested as the service writes it; committees are a list keyed by organisation code.</summary>
    private JsonObject Document(string service)
    {
        var root = new JsonObject { ["from"] = "2025-01-01", ["to"] = "2025-06-30" };
        foreach (var (key, value) in _figures.Where(f => f.Key.StartsWith(service + ".", StringComparison.Ordinal)))
        {
            var segments = key.Split('.')[1..];
            JsonObject node = root;
            for (var i = 0; i < segments.Length - 1; i++)
            {
                if (segments[i] == "committees")
                {
                    var list = (JsonArray)(node["committees"] ??= new JsonArray());
                    var entry = new JsonObject { ["organisationCode"] = segments[++i] };
                    list.Add(entry);
                    node = entry;
                    continue;
                }

                node = (JsonObject)(node[segments[i]] ??= new JsonObject());
            }

            node[segments[^1]] = value;
        }

        return root;
    }
}
