using CommunityPlatform.Contracts.Membership;
using CommunityPlatform.Messaging.Outbox;

namespace CommunityPlatform.Membership.Domain;

/// <summary>
/// One line of a member's points ledger (积分). Every entry names its source record, and a member has at most one
/// entry per source (a unique index), so a replayed event or a repeated make-up never awards twice.
/// </summary>
public sealed class PointsEntry : AggregateRoot
{
    private PointsEntry()
    {
    }

    public Guid Id { get; private set; }

    public Guid MemberId { get; private set; }

    public decimal Points { get; private set; }

    public PointsReason Reason { get; private set; }

    /// <summary>The earning record, e.g. <c>meeting:{id}</c> or <c>volunteer-hours:{id}</c>.</summary>
    public string Source { get; private set; } = "";

    public DateTimeOffset AwardedAt { get; private set; }

    public static PointsEntry Award(Guid memberId, decimal points, PointsReason reason, string source, DateTimeOffset now)
    {
        var entry = new PointsEntry
        {
            Id = Guid.CreateVersion7(now),
            MemberId = memberId,
            Points = points,
            Reason = reason,
            Source = source,
            AwardedAt = now,
        };
        entry.Raise(new PointsAwarded
        {
            EventId = Guid.CreateVersion7(now),
            OccurredAt = now,
            MemberId = memberId,
            Points = points,
            Reason = reason.ToString(),
            Source = source,
        });
        return entry;
    }
}

public enum PointsReason
{
    /// <summary>参加组织生活</summary>
    Attendance,

    /// <summary>志愿服务时长</summary>
    VolunteerHours,

    /// <summary>认领并完成微心愿</summary>
    MicroWishFulfilled,

    /// <summary>办结群众事项</summary>
    MatterResolved,
}

/// <summary>How many points each kind of contribution earns; configuration (<c>Membership:Points</c>), not code.</summary>
public sealed class PointsRules
{
    public decimal PerAttendance { get; set; } = 2;

    public decimal PerVolunteerHour { get; set; } = 1;

    public decimal PerFulfilledWish { get; set; } = 3;

    public decimal PerResolvedMatter { get; set; } = 2;
}
