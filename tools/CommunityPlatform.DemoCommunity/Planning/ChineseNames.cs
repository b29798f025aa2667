namespace CommunityPlatform.DemoCommunity.Planning;

/// <summary>
/// Chinese personal names: surnames drawn by their share of the population (the hundred commonest, in tenths of a
/// per cent, roughly as the household register counts them), given names of one or two characters in the fashion of
/// the person's generation and sex.
/// </summary>
internal static class ChineseNames
{
    private static readonly (string Surname, int Weight)[] Surnames =
    [
        ("王", 71), ("李", 70), ("张", 67), ("刘", 54), ("陈", 45), ("杨", 31), ("黄", 22), ("赵", 20), ("吴", 19), ("周", 19),
        ("徐", 13), ("孙", 13), ("马", 12), ("朱", 12), ("胡", 11), ("郭", 11), ("何", 10), ("高", 10), ("林", 10), ("罗", 9),
        ("郑", 8), ("梁", 8), ("谢", 6), ("宋", 6), ("唐", 6), ("许", 5), ("韩", 5), ("冯", 5), ("邓", 5), ("曹", 5),
        ("彭", 5), ("曾", 5), ("肖", 5), ("田", 4), ("董", 4), ("袁", 4), ("潘", 4), ("于", 4), ("蒋", 4), ("蔡", 4),
        ("余", 4), ("杜", 4), ("叶", 4), ("程", 3), ("苏", 3), ("魏", 3), ("吕", 3), ("丁", 3), ("任", 3), ("沈", 3),
        ("姚", 3), ("卢", 3), ("姜", 3), ("崔", 3), ("钟", 3), ("谭", 3), ("陆", 3), ("汪", 3), ("范", 2), ("金", 2),
        ("石", 2), ("廖", 2), ("贾", 2), ("夏", 2), ("韦", 2), ("付", 2), ("方", 2), ("白", 2), ("邹", 2), ("孟", 2),
        ("熊", 2), ("秦", 2), ("邱", 2), ("江", 2), ("尹", 2), ("薛", 2), ("闫", 2), ("段", 2), ("雷", 2), ("侯", 2),
        ("龙", 2), ("史", 2), ("陶", 1), ("黎", 1), ("贺", 1), ("顾", 1), ("毛", 1), ("郝", 1), ("龚", 1), ("邵", 1),
        ("万", 1), ("钱", 1), ("严", 1), ("覃", 1), ("武", 1), ("戴", 1), ("莫", 1), ("孔", 1), ("向", 1), ("汤", 1),
    ];

    private static readonly int TotalWeight = Surnames.Sum(s => s.Weight);

    /// <summary>Characters by generation (born before 1970, 1970–1994, from 1995) and sex: first and second of a two-character name.</summary>
    private static readonly Dictionary<(int Generation, bool Male), (string First, string Second)> Characters = new()
    {
        [(0, true)] = ("建国志德文明永春金荣福振树长世玉洪", "国华明军平林强成福生民祥海山才忠礼发林"),
        [(0, false)] = ("秀桂淑玉凤丽兰金素彩翠春月秋", "英兰珍芳梅霞琴华荣芬云花香娥莲"),
        [(1, true)] = ("伟志建海俊晓国小永宏立明文家", "伟磊涛鹏勇杰斌超波辉刚亮军峰东强"),
        [(1, false)] = ("丽晓海春小红雪玉美秀静艳", "丽静敏燕艳娟婷雪琳倩颖晶慧莉萍红"),
        [(2, true)] = ("子浩宇博俊梓睿泽晨昊一逸嘉思皓", "轩然航铭宇泽阳辰睿杰涵博凯豪宸"),
        [(2, false)] = ("欣梓雨思诗佳可语若雅紫心一婉", "怡涵萱彤妍琪悦馨然瑶雯琳涵淇希"),
    };

    public static string Person(Random random, bool male, int birthYear) => Surname(random) + GivenName(random, male, birthYear);

    public static string Surname(Random random)
    {
        var draw = random.Next(TotalWeight);
        foreach (var (surname, weight) in Surnames)
        {
            if ((draw -= weight) < 0)
            {
                return surname;
            }
        }

        return Surnames[0].Surname;
    }

    public static string GivenName(Random random, bool male, int birthYear)
    {
        var (first, second) = Characters[(birthYear < 1970 ? 0 : birthYear < 1995 ? 1 : 2, male)];
        // One character in a quarter of names, more often among the older generation.
        return random.Chance(birthYear < 1970 ? 0.35 : 0.2)
            ? second[random.Next(second.Length)].ToString()
            : string.Concat(first[random.Next(first.Length)], second[random.Next(second.Length)]);
    }

    /// <summary>A name not yet in <paramref name="taken"/>, which it is added to.</summary>
    public static string Unique(Random random, bool male, int birthYear, ISet<string> taken)
    {
        while (true)
        {
            var name = Person(random, male, birthYear);
            if (taken.Add(name))
            {
                return name;
            }
        }
    }
}
