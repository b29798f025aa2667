using CommunityPlatform.ServiceKit.Domain;

namespace CommunityPlatform.Membership.Domain;

/// <summary>
/// A recurring series of meetings (e.g. the monthly committee meeting). Creating it schedules each occurrence as
/// its own meeting, so one can be moved, cancelled or recorded without touching the rest.
/// </summary>
public sealed class MeetingSeries
{
    public const int MaxOccurrences = 36;

    private MeetingSeries()
    {
    }

    public Guid Id { get; private set; }

    public string OrganisationCode { get; private set; } = "";

    public MeetingKind Kind { get; private set; }

    public string Title { get; private set; } = "";

    public Recurrence Frequency { get; private set; }

    public int Occurrences { get; private set; }

    public DateTimeOffset FirstStartsAt { get; private set; }

    public static (MeetingSeries Series, IReadOnlyList<Meeting> Meetings) Schedule(
        Organisation organisation, string? kind, string? title, DateTimeOffset? firstStartsAt, int? durationMinutes,
        string? frequency, int? occurrences, string? location, DateTimeOffset now)
    {
        var validation = new Validation();
        var parsedFrequency = validation.RequireOneOf(frequency, "frequency", RecurrenceLabels.All);
        validation.Require(occurrences is >= 1 and <= MaxOccurrences, "occurrences", ValidationFailure.Range(1, MaxOccurrences));
        validation.Require(durationMinutes is >= 15 and <= 720, "durationMinutes", ValidationFailure.Range(15, 720));
        validation.RequireGiven(firstStartsAt, "firstStartsAt", "is required (ISO 8601 with offset, e.g. 2026-12-05T14:30:00+08:00).");
        validation.ThrowIfInvalid();

        var series = new MeetingSeries
        {
            Id = Guid.CreateVersion7(now),
            OrganisationCode = organisation.Code,
            Title = title?.Trim() ?? "",
            Frequency = parsedFrequency!.Value,
            Occurrences = occurrences!.Value,
            FirstStartsAt = firstStartsAt!.Value.ToUniversalTime(),
        };

        var duration = TimeSpan.FromMinutes(durationMinutes!.Value);
        var meetings = new List<Meeting>(series.Occurrences);
        for (var i = 0; i < series.Occurrences; i++)
        {
            // Step in the organiser's own offset so "the 15th at 14:30" stays that, month after month.
            var startsAt = series.Frequency.Nth(firstStartsAt.Value, i);
            meetings.Add(Meeting.Schedule(organisation, kind, title, startsAt, startsAt + duration, location, now, series.Id));
        }

        series.Kind = meetings[0].Kind;
        return (series, meetings);
    }
}

public enum Recurrence
{
    Weekly,
    Monthly,
    Quarterly,
}

public static class RecurrenceLabels
{
    public static readonly IReadOnlyDictionary<Recurrence, string> All = new Dictionary<Recurrence, string>
    {
        [Recurrence.Weekly] = "每周",
        [Recurrence.Monthly] = "每月",
        [Recurrence.Quarterly] = "每季度",
    };

    public static DateTimeOffset Nth(this Recurrence recurrence, DateTimeOffset first, int n) => recurrence switch
    {
        Recurrence.Weekly => first.AddDays(7 * n),
        Recurrence.Monthly => first.AddMonths(n),
        _ => first.AddMonths(3 * n),
    };
}
