using System.Buffers;

namespace CommunityPlatform.ServiceKit.Domain;

/// <summary>
/// The one rule for text that comes in from outside (bodies, query strings, route values, forms, imported files): no
/// control characters but tab, line feed and carriage return. PostgreSQL refuses U+0000 in text outright, and the
/// other C0 controls, DEL and the C1 controls are never part of a name, a note or a filter; they only hide or garble
/// text for the people who read it later.
/// </summary>
public static class PlainText
{
    public const string Rule = "must not contain control characters.";

    private static readonly SearchValues<char> ControlCharacters = SearchValues.Create(
        [.. Enumerable.Range(0, 0x20).Where(c => c is not ('\t' or '\n' or '\r')).Select(c => (char)c), .. Enumerable.Range(0x7F, 0x21).Select(c => (char)c)]);

    public static bool HasControlCharacters(ReadOnlySpan<char> text) => text.ContainsAny(ControlCharacters);
}
