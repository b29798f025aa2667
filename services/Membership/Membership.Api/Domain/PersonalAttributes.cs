using System.Text.RegularExpressions;

namespace CommunityPlatform.Membership.Domain;

public enum Gender
{
    Male,
    Female,
}

/// <summary>Education levels as the branch's statistics count them.</summary>
public enum Education
{
    /// <summary>初中及以下</summary>
    JuniorOrBelow,

    /// <summary>高中</summary>
    HighSchool,

    /// <summary>大专</summary>
    College,

    /// <summary>本科</summary>
    Bachelor,

    /// <summary>研究生</summary>
    Postgraduate,
}

public static class GenderLabels
{
    public static readonly IReadOnlyDictionary<Gender, string> All = new Dictionary<Gender, string>
    {
        [Gender.Male] = "男",
        [Gender.Female] = "女",
    };
}

public static class EducationLabels
{
    public static readonly IReadOnlyDictionary<Education, string> All = new Dictionary<Education, string>
    {
        [Education.JuniorOrBelow] = "初中及以下",
        [Education.HighSchool] = "高中",
        [Education.College] = "大专",
        [Education.Bachelor] = "本科",
        [Education.Postgraduate] = "研究生",
    };
}

public static partial class ChinesePhone
{
    public static bool IsValid(string phone) => Pattern().IsMatch(phone.Trim());

    [GeneratedRegex(@"^1[3-9]\d{9}$")]
    private static partial Regex Pattern();
}
