using System.Globalization;
using System.Net;
using System.Text;
using CommunityPlatform.Reporting.Domain;

namespace CommunityPlatform.Reporting.Rendering;

/// <summary>Who froze a copy, and when; printed at the head of a frozen copy.</summary>
public sealed record FrozenStamp(int Version, DateTimeOffset FrozenAt, string FrozenBy);

/// <summary>
/// Writes a report as a printable HTML page and as Markdown. Each figure links to the list query of the records it
/// counts; a closing table names every figure with its source, so a reader can check any number in the text.
/// </summary>
public static class ReportDocuments
{
    private static readonly TimeSpan CommunityOffset = ServiceKit.Domain.CommunityTime.Offset;

    public static string Html(HalfYearReport report, FrozenStamp? frozen)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(Encode(report.Title)).Append("</title>\n<style>\n").Append(Style).Append("</style>\n</head>\n<body>\n<article>\n")
            .Append("<h1>").Append(Encode(report.Title)).Append("</h1>\n")
            .Append("<p class=\"meta\">").Append(Encode(Stamp(report, frozen))).Append("</p>\n");

        foreach (var section in report.Sections)
        {
            html.Append("<h2>").Append(Encode(section.Title)).Append("</h2>\n");
            foreach (var paragraph in section.Paragraphs)
            {
                html.Append("<p>").Append(WithFigures(paragraph.Template, report, Encode, (figure, shown) =>
                    figure.Link is null ? $"<strong>{shown}</strong>" : $"<a class=\"figure\" href=\"{Encode(figure.Link)}\" title=\"{Encode(figure.Label)}\">{shown}</a>")).Append("</p>\n");
            }
        }

        html.Append("<h2>附：数据来源</h2>\n<table>\n<thead><tr><th>指标</th><th>数值</th><th>记录清单（接口查询）</th></tr></thead>\n<tbody>\n");
        foreach (var figure in report.Figures)
        {
            html.Append("<tr><td>").Append(Encode(figure.Label)).Append("</td><td class=\"n\">").Append(Encode(figure.Display + figure.Unit)).Append("</td><td>")
                .Append(figure.Link is null ? "仅统计人数，名单不公开" : $"<a href=\"{Encode(figure.Link)}\"><code>{Encode(figure.Link)}</code></a>")
                .Append("</td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n</article>\n</body>\n</html>\n");
        return html.ToString();
    }

    public static string Markdown(HalfYearReport report, FrozenStamp? frozen)
    {
        var markdown = new StringBuilder();
        markdown.Append("# ").Append(report.Title).Append("\n\n").Append('_').Append(Stamp(report, frozen)).Append("_\n\n");
        foreach (var section in report.Sections)
        {
            markdown.Append("## ").Append(section.Title).Append("\n\n");
            foreach (var paragraph in section.Paragraphs)
            {
                markdown.Append(WithFigures(paragraph.Template, report, EscapeMarkdown, (figure, shown) =>
                    figure.Link is null ? $"**{shown}**" : $"[{shown}]({figure.Link})")).Append("\n\n");
            }
        }

        markdown.Append("## 附：数据来源\n\n| 指标 | 数值 | 记录清单（接口查询） |\n|---|---:|---|\n");
        foreach (var figure in report.Figures)
        {
            markdown.Append("| ").Append(figure.Label).Append(" | ").Append(figure.Display).Append(figure.Unit).Append(" | ")
                .Append(figure.Link is null ? "仅统计人数，名单不公开" : $"[`{figure.Link}`]({figure.Link})").Append(" |\n");
        }

        return markdown.ToString();
    }

    private static string Stamp(HalfYearReport report, FrozenStamp? frozen)
    {
        var period = string.Create(CultureInfo.InvariantCulture, $"统计期间：{report.From:yyyy年M月d日}至{report.To:yyyy年M月d日}");
        return frozen is null
            ? $"{period}。实时数据，生成于{Local(report.GeneratedAt)}；冻结后的定稿不再随数据变化。"
            : $"{period}。定稿第{frozen.Version}版，{Local(frozen.FrozenAt)}由{frozen.FrozenBy}冻结；数据截至{Local(report.GeneratedAt)}。";
    }

    private static string Local(DateTimeOffset instant) =>
        instant.ToOffset(CommunityOffset).ToString("yyyy年M月d日 HH:mm", CultureInfo.InvariantCulture);

    private static string WithFigures(string template, HalfYearReport report, Func<string, string> escapeText, Func<ReportFigure, string, string> writeFigure)
    {
        var written = new StringBuilder();
        var at = 0;
        foreach (var (index, length, key) in ReportComposer.PlaceholdersIn(template))
        {
            written.Append(escapeText(template[at..index]));
            var figure = report.Figure(key);
            written.Append(figure is null ? escapeText(template.Substring(index, length)) : writeFigure(figure, escapeText(figure.Display)));
            at = index + length;
        }

        return written.Append(escapeText(template[at..])).ToString();
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    private static string EscapeMarkdown(string text) => text.Replace("\\", "\\\\").Replace("*", "\\*").Replace("_", "\\_").Replace("[", "\\[").Replace("]", "\\]");

    private const string Style = """
        body { margin: 0; background: #f4f1ea; color: #222; font-family: "Noto Serif CJK SC", "Source Han Serif SC", "SimSun", "Songti SC", serif; }
        article { max-width: 46rem; margin: 2rem auto; padding: 2.5rem 3rem; background: #fff; box-shadow: 0 1px 4px rgba(0,0,0,.12); line-height: 1.9; }
        h1 { text-align: center; font-size: 1.6rem; margin: 0 0 .5rem; }
        h2 { font-size: 1.15rem; margin: 1.6rem 0 .4rem; }
        p { text-indent: 2em; margin: .4rem 0; }
        p.meta { text-indent: 0; text-align: center; color: #666; font-size: .9rem; }
        a.figure { color: #b3261e; font-weight: bold; text-decoration: none; border-bottom: 1px dotted #b3261e; }
        table { width: 100%; border-collapse: collapse; font-size: .85rem; line-height: 1.5; }
        th, td { border: 1px solid #ccc; padding: .25rem .5rem; text-align: left; vertical-align: top; }
        td.n { text-align: right; white-space: nowrap; }
        code { font-size: .8rem; word-break: break-all; }
        @media (max-width: 600px) { article { margin: 0; padding: 1.2rem; box-shadow: none; } }
        @media print { body { background: #fff; } article { margin: 0; padding: 0; box-shadow: none; max-width: none; } a.figure { color: inherit; border: 0; } @page { size: A4; margin: 2.2cm 2cm; } }

        """;
}
