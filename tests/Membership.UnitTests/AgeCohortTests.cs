using CommunityPlatform.Membership.Domain;

namespace CommunityPlatform.Membership.UnitTests;

public sealed class AgeCohortTests
{
    [Theory]
    [InlineData("1990-07-01", "2026-06-30", 35)]
    [InlineData("1990-07-01", "2026-07-01", 36)]
    [InlineData("1990-12-31", "2027-01-01", 36)]
    [InlineData("2000-02-29", "2028-02-28", 27)]
    [InlineData("2000-02-29", "2028-02-29", 28)]
    public void Age_counts_whole_years_completed_on_the_day(string birthDate, string day, int age) =>
        Assert.Equal(age, AgeCohorts.Age(DateOnly.Parse(birthDate), DateOnly.Parse(day)));

    [Theory]
    [InlineData(18, AgeCohort.Under35)]
    [InlineData(34, AgeCohort.Under35)]
    [InlineData(35, AgeCohort.From35To50)]
    [InlineData(49, AgeCohort.From35To50)]
    [InlineData(50, AgeCohort.From50To60)]
    [InlineData(60, AgeCohort.From50To60)]
    [InlineData(61, AgeCohort.Over60)]
    public void Cohorts_are_under_35_then_35_to_50_then_50_to_60_inclusive_then_over_60(int age, AgeCohort cohort) =>
        Assert.Equal(cohort, AgeCohorts.Of(age));

    [Theory]
    [InlineData(AgeCohort.Under35, "1991-06-30", null)]
    [InlineData(AgeCohort.From35To50, "1976-06-30", "1991-06-30")]
    [InlineData(AgeCohort.From50To60, "1965-06-30", "1976-06-30")]
    [InlineData(AgeCohort.Over60, null, "1965-06-30")]
    public void Birth_date_bounds_of_each_cohort_are_exact(AgeCohort cohort, string? bornAfter, string? bornOnOrBefore)
    {
        var (after, onOrBefore) = AgeCohorts.BirthDates(cohort, new DateOnly(2026, 6, 30));

        Assert.Equal(bornAfter is null ? null : DateOnly.Parse(bornAfter), after);
        Assert.Equal(bornOnOrBefore is null ? null : DateOnly.Parse(bornOnOrBefore), onOrBefore);
    }

    [Theory]
    [InlineData("2026-06-30")]
    [InlineData("2028-02-29")]
    [InlineData("2027-03-01")]
    public void Birth_date_bounds_place_everyone_in_the_cohort_of_their_age(string dayText)
    {
        var day = DateOnly.Parse(dayText);
        for (var born = day.AddYears(-70); born <= day.AddYears(-18); born = born.AddDays(1))
        {
            var expected = AgeCohorts.Of(AgeCohorts.Age(born, day));
            var matching = Enum.GetValues<AgeCohort>().Where(cohort =>
            {
                var (after, onOrBefore) = AgeCohorts.BirthDates(cohort, day);
                return (after is null || born > after) && (onOrBefore is null || born <= onOrBefore);
            });

            Assert.Equal([expected], matching);
        }
    }

    [Theory]
    [InlineData("2027-02-28", 34, AgeCohort.Under35)]
    [InlineData("2027-03-01", 35, AgeCohort.From35To50)]
    [InlineData("2028-02-29", 36, AgeCohort.From35To50)]
    public void Someone_born_on_29_February_is_counted_alike_by_age_and_by_the_birth_date_bounds(string day, int age, AgeCohort cohort)
    {
        var born = new DateOnly(1992, 2, 29);
        var on = DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(age, AgeCohorts.Age(born, on));
        Assert.Equal(cohort, AgeCohorts.Of(age));
        var (after, onOrBefore) = AgeCohorts.BirthDates(cohort, on);
        Assert.True((after is null || born > after) && (onOrBefore is null || born <= onOrBefore), $"{born} is outside the {cohort} bounds on {on}");
    }

    [Fact]
    public void Someone_born_on_29_February_may_register_on_the_day_their_age_says_they_turned_eighteen()
    {
        var born = new DateOnly(2008, 2, 29);
        var turned = new DateTimeOffset(2026, 3, 1, 2, 0, 0, TimeSpan.Zero);
        Assert.Equal(18, AgeCohorts.Age(born, new DateOnly(2026, 3, 1)));
        Assert.Equal(17, AgeCohorts.Age(born, new DateOnly(2026, 2, 28)));
        Member.Register("小李", "男", born, "高中", null, "DZB-01", "G01", turned);
        Assert.Throws<ServiceKit.Domain.DomainValidationException>(
            () => Member.Register("小李", "男", born, "高中", null, "DZB-01", "G01", turned.AddDays(-1)));
    }
}
