using CommunityPlatform.ServiceKit.Domain;

namespace CommunityPlatform.Volunteer.Domain;

/// <summary>
/// A certificate of service hours (志愿服务记录证明) issued for a period: its number, the total it stated, and who issued
/// it when, so a certificate shown later can be checked against the register.
/// </summary>
public sealed class HoursCertificate
{
    private HoursCertificate()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>e.g. ZYFW-20260701-3F9A1C2B: the issue date and the random tail of the id.</summary>
    public string Number { get; private set; } = "";

    public Guid VolunteerId { get; private set; }

    public DateOnly From { get; private set; }

    public DateOnly To { get; private set; }

    public int Records { get; private set; }

    public decimal TotalHours { get; private set; }

    /// <summary>The issuer's account id; <see cref="IssuedByName"/> is what the certificate prints.</summary>
    public string IssuedBy { get; private set; } = "";

    /// <summary>The issuer's name at issue; null on certificates issued before names were kept.</summary>
    public string? IssuedByName { get; private set; }

    public DateTimeOffset IssuedAt { get; private set; }

    public static HoursCertificate Issue(Guid volunteerId, ReportingPeriod period, IReadOnlyCollection<decimal> hours, Actor actor, DateTimeOffset now)
    {
        var id = Guid.CreateVersion7(now);
        return new HoursCertificate
        {
            Id = id,
            // The last eight hex digits of a version-7 id are random, so numbers issued on one day do not collide.
            Number = $"ZYFW-{CommunityTime.DateOf(now):yyyyMMdd}-{id.ToString("N")[^8..].ToUpperInvariant()}",
            VolunteerId = volunteerId,
            From = period.From,
            To = period.To,
            Records = hours.Count,
            TotalHours = hours.Sum(),
            IssuedBy = actor.Id,
            IssuedByName = actor.Name,
            IssuedAt = now,
        };
    }
}
