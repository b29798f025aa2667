using CommunityPlatform.Reporting.Domain;
using CommunityPlatform.ServiceKit.Domain;

namespace CommunityPlatform.Reporting.UnitTests;

public sealed class HalfYearTests
{
    private static readonly DateOnly Today = new(2026, 11, 30);

    [Fact]
    public void Without_values_it_is_the_half_year_running_today_counted_up_to_today()
    {
        var half = HalfYear.Of(null, null, Today);

        Assert.Equal(new HalfYear(2026, 2), half);
        Assert.Equal("2026年下半年", half.Label);
        Assert.Equal(new ReportingPeriod(new DateOnly(2026, 7, 1), Today), half.PeriodAsOf(Today));
    }

    [Fact]
    public void A_half_year_that_is_over_is_counted_whole()
    {
        var half = HalfYear.Of(2026, 1, Today);

        Assert.Equal("2026年上半年", half.Label);
        Assert.Equal(new ReportingPeriod(new DateOnly(2026, 1, 1), new DateOnly(2026, 6, 30)), half.PeriodAsOf(Today));
        Assert.Equal(new DateOnly(2025, 12, 31), HalfYear.Of(2025, 2, Today).PeriodAsOf(Today).To);
    }

    [Theory]
    [InlineData(1999, 1, "year")]
    [InlineData(2101, 1, "year")]
    [InlineData(2026, 0, "half")]
    [InlineData(2026, 3, "half")]
    [InlineData(2027, 1, "half")]
    public void Years_out_of_range_halves_other_than_1_or_2_and_halves_not_begun_are_refused(int year, int half, string field)
    {
        var refused = Assert.Throws<DomainValidationException>(() => HalfYear.Of(year, half, Today));
        Assert.True(refused.Errors.ContainsKey(field));
    }
}
