using System.Text;

namespace CommunityPlatform.Grid.Infrastructure;

/// <summary>
/// Reads CSV as RFC 4180 writes it (and spreadsheets save it): comma-separated fields, quoted fields that may hold
/// commas, doubled quotes and line breaks, CRLF or LF line ends. Each record keeps the line it starts on, so errors
/// can name it.
/// </summary>
public static class CsvText
{
    public static IEnumerable<(int Line, string[] Fields)> Records(string text)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var recordLine = 1;
        var quoted = false;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i += 2;
                    continue;
                }

                if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    line += c == '\n' ? 1 : 0;
                    field.Append(c);
                }

                i++;
                continue;
            }

            switch (c)
            {
                case '"' when field.Length == 0:
                    quoted = true;
                    break;
                case ',':
                    fields.Add(field.ToString().Trim());
                    field.Clear();
                    break;
                case '\r' when i + 1 < text.Length && text[i + 1] == '\n':
                    break;
                case '\r' or '\n':
                    fields.Add(field.ToString().Trim());
                    field.Clear();
                    if (fields.Count > 1 || fields[0].Length > 0)
                    {
                        yield return (recordLine, fields.ToArray());
                    }

                    fields.Clear();
                    line++;
                    recordLine = line;
                    break;
                default:
                    field.Append(c);
                    break;
            }

            i++;
        }

        fields.Add(field.ToString().Trim());
        if (fields.Count > 1 || fields[0].Length > 0)
        {
            yield return (recordLine, fields.ToArray());
        }
    }
}
