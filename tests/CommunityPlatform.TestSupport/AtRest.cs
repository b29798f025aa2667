using Xunit;

namespace CommunityPlatform.TestSupport;

/// <summary>What a column holds when read straight from the database, bypassing the service.</summary>
public static class AtRest
{
    /// <summary>Asserts that <paramref name="stored"/> is a sealed Data Protection payload and does not contain <paramref name="plain"/>.</summary>
    public static void AssertSealed(string? stored, string plain)
    {
        Assert.NotNull(stored);
        Assert.StartsWith("CfDJ8", stored, StringComparison.Ordinal);
        Assert.DoesNotContain(plain, stored, StringComparison.Ordinal);
    }
}
