using System.Security.Cryptography;
using System.Text;

namespace CommunityPlatform.Volunteer.Domain;

/// <summary>
/// The per-activity check-in code: six characters read off a poster or typed on a phone, and the same code in a QR
/// payload <c>cpvol:{activityId}:{code}</c> the mobile app scans.
/// </summary>
public static class CheckInCodes
{
    public const int Length = 6;
    public const string QrScheme = "cpvol";

    // No 0/O or 1/I/L: a code read aloud or copied from a poster should not be mistyped.
    private const string Alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

    public static string New() => RandomNumberGenerator.GetString(Alphabet, Length);

    public static string QrPayload(Guid activityId, string code) => $"{QrScheme}:{activityId}:{code}";

    /// <summary>
    /// True when <paramref name="presented"/> (the code itself or a scanned QR payload) is this activity's code.
    /// Compared in constant time so response timing does not reveal how much of a guess was right.
    /// </summary>
    public static bool Matches(string expected, Guid activityId, string? presented)
    {
        var code = presented?.Trim() ?? "";
        if (code.StartsWith(QrScheme + ":", StringComparison.OrdinalIgnoreCase))
        {
            var parts = code.Split(':');
            if (parts.Length != 3 || !Guid.TryParse(parts[1], out var scannedActivity) || scannedActivity != activityId)
            {
                return false;
            }

            code = parts[2];
        }

        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(code.ToUpperInvariant()), Encoding.UTF8.GetBytes(expected));
    }
}
