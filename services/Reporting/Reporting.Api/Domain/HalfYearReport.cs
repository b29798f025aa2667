using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using CommunityPlatform.ServiceKit.Domain;

namespace CommunityPlatform.Reporting.Domain;

/// <summary>
/// A composed half-year work report: its sections in Chinese, and every figure with the list query behind it.
/// A paragraph keeps its <see cref="ReportParagraph.Template"/> (figures as <c>{key}</c>) next to the written text, so a
/// front end can turn each figure into a link itself.
/// </summary>
public sealed record HalfYearReport(
    string Title,
    string Community,
    int Year,
    int Half,
    DateOnly From,
    DateOnly To,
    DateTimeOffset GeneratedAt,
    IReadOnlyList<ReportSection> Sections,
    IReadOnlyList<ReportFigure> Figures)
{
    public ReportFigure? Figure(string key) => Figures.FirstOrDefault(f => f.Key == key);
}

public sealed record ReportSection(string Title, IReadOnlyList<ReportParagraph> Paragraphs);

public sealed record ReportParagraph(string Text, string Template);

/// <summary>One figure: its value as the service counted it (null when there is nothing to count, e.g. a rate of no meetings), as written, and its source.</summary>
public sealed record ReportFigure(string Key, string Label, decimal? Value, string Display, string Unit, string? Link, string? Measure);

/// <summary>Composes a report from the four services' statistics for one period.</summary>
public static partial class ReportComposer
{
    public static HalfYearReport Compose(
        string community, HalfYear half, ReportingPeriod period, string? generalBranch, IReadOnlyDictionary<string, JsonElement> statistics, DateTimeOffset generatedAt)
    {
        var from = period.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var to = period.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        string Fill(string text) => text.Replace("{from}", from).Replace("{to}", to).Replace("{generalBranch}", generalBranch ?? "");

        var figures = ReportTemplate.Figures.Select(definition =>
        {
            var key = Fill(definition.Key);
            var value = generalBranch is null && definition.Key.Contains("{generalBranch}") ? null : ValueAt(statistics, key);
            var link = definition.Link is null || (generalBranch is null && definition.Link.Contains("{generalBranch}")) ? null : Fill(definition.Link);
            return new ReportFigure(key, definition.Label, value, Display(value, definition.Format), definition.Unit, link, link is null ? null : definition.Measure);
        }).ToList();
        var byKey = figures.ToDictionary(f => f.Key);

        var sections = ReportTemplate.Sections.Select(section => new ReportSection(section.Title, section.Paragraphs.Select(paragraph =>
        {
            var template = Fill(paragraph.Replace("{community}", community));
            var text = Placeholder().Replace(template, match => byKey.TryGetValue(match.Groups["key"].Value, out var figure) ? figure.Display : match.Value);
            return new ReportParagraph(text, template);
        }).ToList())).ToList();

        var title = $"{community}{half.Label}工作报告";
        return new HalfYearReport(title, community, half.Year, half.Half, period.From, period.To, generatedAt, sections, figures);
    }

    /// <summary>The figures in a paragraph template, in order, as (start, length, key).</summary>
    public static IEnumerable<(int Index, int Length, string Key)> PlaceholdersIn(string template) =>
        Placeholder().Matches(template).Select(m => (m.Index, m.Length, m.Groups["key"].Value));

    /// <summary>
    /// The number at <paramref name="key"/>: its first segment names the service, the rest walks the statistics
    /// document; in an array, a segment selects the element whose <c>…Code</c> property equals it (committees by
    /// organisation, patrol figures by grid).
    /// </summary>
    public static decimal? ValueAt(IReadOnlyDictionary<string, JsonElement> statistics, string key)
    {
        var segments = key.Split('.');
        if (!statistics.TryGetValue(segments[0], out var current))
        {
            return null;
        }

        foreach (var segment in segments.Skip(1))
        {
            JsonElement? next = current.ValueKind switch
            {
                JsonValueKind.Object => current.TryGetProperty(segment, out var property) ? property : null,
                JsonValueKind.Array => current.EnumerateArray().Cast<JsonElement?>().FirstOrDefault(element =>
                    element!.Value.ValueKind == JsonValueKind.Object && element.Value.EnumerateObject()
                        .Any(p => p.Name.EndsWith("Code", StringComparison.Ordinal) && p.Value.ValueKind == JsonValueKind.String && p.Value.GetString() == segment)),
                _ => null,
            };
            if (next is null)
            {
                // A missing entry of a dictionary (a category nobody reported) or of a list (an organisation without a committee) counts nothing.
                return 0;
            }

            current = next.Value;
        }

        return current.ValueKind == JsonValueKind.Number ? current.GetDecimal() : null;
    }

    private static string Display(decimal? value, FigureFormat format) => value switch
    {
        null => "—",
        { } v when format == FigureFormat.Percent => (v * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%",
        { } v when format == FigureFormat.Hours => v.ToString("0.#", CultureInfo.InvariantCulture),
        { } v => v.ToString("0", CultureInfo.InvariantCulture),
    };

    [GeneratedRegex(@"\{(?<key>[A-Za-z0-9_.\-]+)\}", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Placeholder();
}
