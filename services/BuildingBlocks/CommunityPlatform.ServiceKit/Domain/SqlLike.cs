namespace CommunityPlatform.ServiceKit.Domain;

/// <summary>Prefix search (张 finds 张丽娟) with LIKE, the user's text taken literally: % and _ match only themselves.</summary>
public static class SqlLike
{
    public const string EscapeCharacter = "\\";

    public static string StartsWith(string prefix) =>
        prefix.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
}
