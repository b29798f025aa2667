using CommunityPlatform.ServiceKit.Domain;

namespace CommunityPlatform.Volunteer.Domain;

/// <summary>
/// Skills (急救, 电工, 手语 …) are the words leaders type, not a fixed list; they are compared trimmed and ignoring
/// case so that an activity asking for "CPR" accepts a volunteer who has "cpr".
/// </summary>
public static class Skills
{
    public const int MaxCount = 20;
    public const int MaxLength = 30;

    public static string[] Normalise(IReadOnlyList<string>? skills, string field, Validation validation)
    {
        if (skills is null)
        {
            return [];
        }

        validation.Require(skills.Count <= MaxCount, field, ValidationFailure.MaxCount(MaxCount, $"must list at most {MaxCount} skills."));
        validation.Require(skills.All(s => !string.IsNullOrWhiteSpace(s) && s.Trim().Length <= MaxLength), field,
            ValidationFailure.ItemLength(MaxLength, $"must be non-blank and at most {MaxLength} characters each."));
        return [.. skills.Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s.Trim()).Distinct(StringComparer.OrdinalIgnoreCase)];
    }

    /// <summary>The required skills <paramref name="held"/> lacks, in the order they were required.</summary>
    public static IReadOnlyList<string> Missing(IEnumerable<string> required, IEnumerable<string> held)
    {
        var have = new HashSet<string>(held, StringComparer.OrdinalIgnoreCase);
        return [.. required.Where(r => !have.Contains(r))];
    }
}
