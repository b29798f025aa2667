namespace CommunityPlatform.Safety.Domain;

/// <summary>
/// Days a responsible party gets to rectify a hazard, by severity, when the inspector sets no date. A major hazard
/// usually needs works (walls, gas lines) and gets longer, but is watched more closely.
/// </summary>
public sealed class RectificationDeadlines
{
    public int GeneralDays { get; set; } = 7;

    public int MajorDays { get; set; } = 30;

    public DateOnly For(HazardSeverity severity, DateOnly today) =>
        today.AddDays(severity == HazardSeverity.Major ? MajorDays : GeneralDays);
}
