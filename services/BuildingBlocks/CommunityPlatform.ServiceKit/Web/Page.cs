namespace CommunityPlatform.ServiceKit.Web;

/// <summary>
/// One page of a list. <see cref="NextCursor"/> is opaque to clients; pass it back as <c>?cursor=</c> for the
/// next page; it is null on the last page.
/// </summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? NextCursor)
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    public static int ClampLimit(int? limit) => Math.Clamp(limit ?? DefaultLimit, 1, MaxLimit);
}
