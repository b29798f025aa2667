namespace CommunityPlatform.ServiceKit.Domain;

public static class Rates
{
    /// <summary><paramref name="part"/> as a share of <paramref name="whole"/>, to four places (0.8750); null when there is no whole to share.</summary>
    public static decimal? Of(int part, int whole) => whole == 0 ? null : Math.Round((decimal)part / whole, 4);
}
