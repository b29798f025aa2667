using System.Globalization;

namespace CommunityPlatform.County.Domain;

/// <summary>
/// A position on the feed as clients see it: the CloudEvents <c>sequence</c> of an event, zero-padded so that
/// comparing two as strings orders them as the feed does. A reader passes the last one it processed as <c>after</c>.
/// </summary>
public static class FeedCursor
{
    private const int Digits = 19;

    public static string Of(long position) => position.ToString($"D{Digits}", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A cursor this feed handed out (leading zeros optional), or none for the start of the feed.</summary>
    public static bool TryParse(string? cursor, out long position)
    {
        position = 0;
        if (string.IsNullOrEmpty(cursor))
        {
            return true;
        }

        return cursor.Length <= Digits && cursor.All(char.IsAsciiDigit) && long.TryParse(cursor, CultureInfo.InvariantCulture, out position);
    }
}
