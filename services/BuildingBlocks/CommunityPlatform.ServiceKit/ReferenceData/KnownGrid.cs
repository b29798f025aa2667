namespace CommunityPlatform.ServiceKit.ReferenceData;

/// <summary>
/// A grid (网格) as another service knows it: the grid service owns grids and announces them; safety and volunteer
/// keep this copy so they can refuse a venue or an activity in a grid that does not exist, without calling the
/// grid service on every write.
/// </summary>
public sealed class KnownGrid
{
    private KnownGrid()
    {
    }

    public string Code { get; private set; } = "";

    public string Name { get; private set; } = "";

    /// <summary>When the announcement applied last happened, so an older one arriving late changes nothing.</summary>
    public DateTimeOffset AnnouncedAt { get; private set; }

    public static KnownGrid Announced(string code, string name, DateTimeOffset occurredAt) =>
        new() { Code = code, Name = name, AnnouncedAt = occurredAt };

    /// <summary>Applies a later announcement of the grid's name; creation and renames travel on different queues.</summary>
    public void Apply(string name, DateTimeOffset occurredAt)
    {
        if (occurredAt <= AnnouncedAt)
        {
            return;
        }

        Name = name;
        AnnouncedAt = occurredAt;
    }
}
