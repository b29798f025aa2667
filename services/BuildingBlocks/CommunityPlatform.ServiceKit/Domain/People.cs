using System.Text.RegularExpressions;

namespace CommunityPlatform.ServiceKit.Domain;

public enum Gender
{
    Male,
    Female,
}

public static class GenderLabels
{
    public static readonly IReadOnlyDictionary<Gender, string> All = new Dictionary<Gender, string>
    {
        [Gender.Male] = "男",
        [Gender.Female] = "女",
    };
}

/// <summary>Mainland China mobile numbers (personal data wherever they are stored).</summary>
public static partial class ChinesePhone
{
    public static bool IsValid(string phone) => Pattern().IsMatch(phone.Trim());

    [GeneratedRegex(@"^1[3-9]\d{9}$", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Pattern();
}
