using CommunityPlatform.ServiceKit.Domain;

namespace CommunityPlatform.Membership.Apis;

/// <summary>
/// A filter value that stands for several values of an enum, as a statistic groups them: <c>status=Active</c> for
/// full and probationary members, <c>education=CollegeOrAbove</c> for 大专/本科/研究生.
/// </summary>
internal sealed record FilterGroup<TEnum>(string Code, string Label, IReadOnlyList<TEnum> Values)
    where TEnum : struct, Enum;

internal static class FilterGroups
{
    /// <summary>
    /// Parses <paramref name="value"/> as <paramref name="group"/> (by code, case-insensitive, or label) or as one
    /// value of <typeparamref name="TEnum"/>, returning the values it stands for; anything else is an error on <paramref name="field"/>.
    /// </summary>
    public static IReadOnlyList<TEnum>? RequireOneOrGroup<TEnum>(
        this Validation validation, string value, string field, IReadOnlyDictionary<TEnum, string> labels, FilterGroup<TEnum> group)
        where TEnum : struct, Enum
    {
        var trimmed = value.Trim();
        if (string.Equals(trimmed, group.Code, StringComparison.OrdinalIgnoreCase) || trimmed == group.Label)
        {
            return group.Values;
        }

        if (validation.RequireOneOf(value, field, labels) is { } one)
        {
            return [one];
        }

        validation.Require(false, field, ValidationFailure.Of(ValidationCodes.OneOf, $"or {group.Code} ({group.Label})."));
        return null;
    }
}
