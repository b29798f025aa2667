using CommunityPlatform.Grid.Infrastructure;

namespace CommunityPlatform.Grid.UnitTests;

public sealed class CsvTextTests
{
    [Fact]
    public void Quoted_fields_keep_commas_doubled_quotes_and_line_breaks_and_records_keep_their_first_line()
    {
        var csv = "网格,楼栋,备注\r\nG01,\"3栋,东\",\"他说\"\"你好\"\"\"\r\nG02,5栋,\"两行\n备注\"\r\nG03,6栋,末行";
        var records = CsvText.Records(csv).ToList();

        Assert.Equal([1, 2, 3, 5], records.Select(r => r.Line));
        Assert.Equal(["G01", "3栋,东", "他说\"你好\""], records[1].Fields);
        Assert.Equal("两行\n备注", records[2].Fields[2]);
        Assert.Equal(["G03", "6栋", "末行"], records[3].Fields);
    }

    [Fact]
    public void Blank_lines_are_skipped_but_counted_and_fields_are_trimmed()
    {
        var records = CsvText.Records("a,b\n\n  x , y \n").ToList();
        Assert.Equal([(1, new[] { "a", "b" }), (3, new[] { "x", "y" })], records.Select(r => (r.Line, r.Fields)).ToList(), new RecordComparer());
    }

    [Fact]
    public void Empty_fields_are_kept_in_place()
    {
        Assert.Equal(["G01", "", "301"], CsvText.Records("G01,,301").Single().Fields);
    }

    private sealed class RecordComparer : IEqualityComparer<(int, string[])>
    {
        public bool Equals((int, string[]) x, (int, string[]) y) => x.Item1 == y.Item1 && x.Item2.SequenceEqual(y.Item2);

        public int GetHashCode((int, string[]) obj) => obj.Item1;
    }
}
