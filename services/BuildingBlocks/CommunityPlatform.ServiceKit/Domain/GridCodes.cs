using System.Text.RegularExpressions;

namespace CommunityPlatform.ServiceKit.Domain;

/// <summary>
/// The shape of a grid code (e.g. G01): the grid service makes them, every other service refers to them, and a
/// service that passes one on can refuse a malformed one itself instead of asking the grid service about it.
/// </summary>
public static partial class GridCodes
{
    public const int MaxLength = 20;

    public static bool IsWellFormed(string code) => Shape().IsMatch(code);

    /// <summary>A grid code is given, at most <see cref="MaxLength"/> characters, letters, digits and '-' only.</summary>
    public static Validation RequireGridCode(this Validation validation, string? code, string field) =>
        validation.RequireText(code, field, MaxLength)
            .Require(code is null || IsWellFormed(code.Trim()), field, ValidationFailure.Format("A-Z a-z 0-9 -", "may contain only letters, digits and '-'."));

    [GeneratedRegex("^[A-Za-z0-9-]+$", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Shape();
}
