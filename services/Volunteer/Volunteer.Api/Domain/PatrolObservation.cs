using CommunityPlatform.Contracts.Volunteer;
using CommunityPlatform.Messaging.Outbox;
using CommunityPlatform.ServiceKit.Domain;

namespace CommunityPlatform.Volunteer.Domain;

/// <summary>Something a patrol (平安义警) saw that the grid should look at; the grid service opens a matter for it.</summary>
public sealed class PatrolObservation : AggregateRoot
{
    public const int DescriptionMaxLength = 1000;

    private PatrolObservation()
    {
    }

    public Guid Id { get; private set; }

    public Guid ActivityId { get; private set; }

    /// <summary>The volunteer who reported it; null when the organiser did.</summary>
    public Guid? VolunteerId { get; private set; }

    public string GridCode { get; private set; } = "";

    public string Location { get; private set; } = "";

    public string Description { get; private set; } = "";

    public DateTimeOffset ObservedAt { get; private set; }

    public string ReportedBy { get; private set; } = "";

    public static PatrolObservation Report(
        Activity activity, Guid? volunteerId, string gridCode, string? location, string? description, string actor, DateTimeOffset now, VolunteerRules rules)
    {
        var validation = new Validation();
        validation.RequireText(location, "location", 200);
        validation.RequireText(description, "description", DescriptionMaxLength);
        validation.ThrowIfInvalid();
        activity.RequireObservable(volunteerId, now, rules);

        var observation = new PatrolObservation
        {
            Id = Guid.CreateVersion7(now),
            ActivityId = activity.Id,
            VolunteerId = volunteerId,
            GridCode = gridCode,
            Location = location!.Trim(),
            Description = description!.Trim(),
            ObservedAt = now,
            ReportedBy = actor,
        };
        observation.Raise(new PatrolObservationReported
        {
            EventId = Guid.CreateVersion7(now), OccurredAt = now, ObservationId = observation.Id, ActivityId = activity.Id,
            GridCode = gridCode, Location = observation.Location, Description = observation.Description, ObservedAt = now,
        });
        return observation;
    }
}
