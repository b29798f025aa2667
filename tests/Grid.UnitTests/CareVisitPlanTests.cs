using CommunityPlatform.Grid.Domain;
using CommunityPlatform.ServiceKit.Domain;

namespace CommunityPlatform.Grid.UnitTests;

public sealed class CareVisitPlanTests
{
    private static readonly DateTimeOffset Now = new(2026, 9, 1, 2, 0, 0, TimeSpan.Zero);
    private static readonly CareDetails Details = new("某某", null, null, null, null);

    private static CarePerson Person(int interval = 30, int? sensitive = 7) => CarePerson.Register(
        "G01", "社区矫正对象", "高", "worker-1", interval, sensitive, Details, d => "sealed:" + d.Name.Length, Now);

    [Fact]
    public void Outside_sensitive_periods_the_next_visit_is_the_normal_interval_after_the_last()
    {
        var person = Person();
        person.RecordVisit(new DateOnly(2026, 9, 1));
        Assert.Equal(new DateOnly(2026, 10, 1), person.NextVisitDue([]));
        Assert.Equal(new DateOnly(2026, 10, 1), person.NextVisitDue([new SensitivePeriod(new DateOnly(2026, 12, 31), new DateOnly(2027, 1, 3))]));
    }

    [Fact]
    public void A_sensitive_period_starting_before_the_normal_date_brings_the_visit_forward_to_its_first_day()
    {
        var person = Person();
        person.RecordVisit(new DateOnly(2026, 9, 1));
        var nationalDay = new SensitivePeriod(new DateOnly(2026, 9, 29), new DateOnly(2026, 10, 8));
        Assert.Equal(new DateOnly(2026, 9, 29), person.NextVisitDue([nationalDay]));
    }

    [Fact]
    public void Within_a_sensitive_period_visits_follow_the_shorter_interval()
    {
        var person = Person();
        person.RecordVisit(new DateOnly(2026, 9, 29));
        var nationalDay = new SensitivePeriod(new DateOnly(2026, 9, 29), new DateOnly(2026, 10, 8));
        Assert.Equal(new DateOnly(2026, 10, 6), person.NextVisitDue([nationalDay]));
    }

    [Fact]
    public void An_older_visit_recorded_late_does_not_move_the_plan_back()
    {
        var person = Person();
        person.RecordVisit(new DateOnly(2026, 9, 20));
        person.RecordVisit(new DateOnly(2026, 9, 5));
        Assert.Equal(new DateOnly(2026, 9, 20), person.LastVisitedOn);
    }

    [Fact]
    public void The_sensitive_interval_may_not_exceed_the_normal_one_and_details_are_required()
    {
        var errors = Assert.Throws<DomainValidationException>(() => Person(interval: 7, sensitive: 14)).Errors;
        Assert.True(errors.ContainsKey("sensitiveIntervalDays"));
        Assert.True(Assert.Throws<DomainValidationException>(() => CarePerson.Register("G01", "社区矫正对象", "高", "w", 30, null, null, _ => "", Now)).Errors.ContainsKey("details"));
    }

    [Fact]
    public void The_record_keeps_only_what_the_seal_returns()
    {
        var person = Person();
        Assert.Equal("sealed:2", person.Sealed);
    }
}
