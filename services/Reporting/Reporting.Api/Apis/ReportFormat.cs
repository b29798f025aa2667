using CommunityPlatform.ServiceKit.Domain;

namespace CommunityPlatform.Reporting.Apis;

/// <summary>How a report is answered: <c>?format=html|markdown|json</c>, else by the Accept header (a browser gets HTML), else JSON.</summary>
public enum ReportFormat
{
    Json,
    Html,
    Markdown,
}

public static class ReportFormats
{
    public const string HtmlType = "text/html; charset=utf-8";
    public const string MarkdownType = "text/markdown; charset=utf-8";
    public const string JsonType = "application/json; charset=utf-8";

    public static ReportFormat Of(string? format, HttpRequest request)
    {
        if (format is not null)
        {
            return format.ToLowerInvariant() switch
            {
                "html" => ReportFormat.Html,
                "markdown" or "md" => ReportFormat.Markdown,
                "json" => ReportFormat.Json,
                _ => throw DomainValidationException.For("format", ValidationFailure.OneOf("html, markdown, json", "must be html, markdown or json.")),
            };
        }

        var accept = request.Headers.Accept.ToString();
        return accept.Contains("text/html", StringComparison.OrdinalIgnoreCase) ? ReportFormat.Html
            : accept.Contains("text/markdown", StringComparison.OrdinalIgnoreCase) ? ReportFormat.Markdown
            : ReportFormat.Json;
    }
}
