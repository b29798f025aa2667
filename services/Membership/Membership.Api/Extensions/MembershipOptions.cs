namespace CommunityPlatform.Membership.Extensions;

/// <summary>The branch's settings (section <c>Membership</c>).</summary>
public sealed class MembershipOptions
{
    /// <summary>Years a committee serves before it is due for re-election (换届); community committees serve five.</summary>
    public int CommitteeTermYears { get; set; } = 5;

    /// <summary>How far ahead a term's end is flagged as due for renewal.</summary>
    public int RenewalNoticeDays { get; set; } = 90;
}
