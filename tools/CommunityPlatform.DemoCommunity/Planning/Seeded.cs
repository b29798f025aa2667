using System.Globalization;
using System.Text;

namespace CommunityPlatform.DemoCommunity.Planning;

/// <summary>
/// The plan's randomness: one <see cref="Random"/> per part of the plan, seeded from the seed and the part's name, so
/// a month that comes into the period, or a record added to one part, never moves the draws of another part.
/// </summary>
internal static class Seeded
{
    public static Random For(int seed, params object[] part) =>
        new(Hash(seed, string.Join('|', part.Select(p => Convert.ToString(p, CultureInfo.InvariantCulture)))));

    /// <summary>FNV-1a over the UTF-8 bytes: stable across processes, unlike <see cref="string.GetHashCode()"/>.</summary>
    private static int Hash(int seed, string text)
    {
        var hash = 2166136261u ^ (uint)seed;
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            hash = (hash ^ b) * 16777619u;
        }

        return (int)(hash & 0x7FFFFFFF);
    }

    public static T Pick<T>(this Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    public static bool Chance(this Random random, double probability) => random.NextDouble() < probability;

    /// <summary>A day from <paramref name="first"/> to <paramref name="last"/>, both included.</summary>
    public static DateOnly Day(this Random random, DateOnly first, DateOnly last) => first.AddDays(random.Next(last.DayNumber - first.DayNumber + 1));

    /// <summary>The items in an order drawn from <paramref name="random"/>.</summary>
    public static List<T> Shuffled<T>(this Random random, IEnumerable<T> items)
    {
        var list = items.ToList();
        for (var i = list.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (list[i], list[j]) = (list[j], list[i]);
        }

        return list;
    }

    /// <summary>A mainland mobile number (11 digits, 13x–19x).</summary>
    public static string MobileNumber(this Random random) =>
        "1" + random.Pick(["3", "5", "8", "9"]) + random.Next(0, 10) + random.Next(0, 100_000_000).ToString("D8", CultureInfo.InvariantCulture);
}
