using CommunityPlatform.Contracts.Grid;
using CommunityPlatform.Messaging.Outbox;
using CommunityPlatform.ServiceKit.Domain;

namespace CommunityPlatform.Grid.Domain;

/// <summary>
/// A grid (网格): the area one or more grid workers (网格员) are responsible for. Who they are is the identity
/// service's to say (it gives them the grid), see <see cref="Infrastructure.GridWorkerDirectory"/>.
/// </summary>
public sealed class GridArea : AggregateRoot
{
    public const int CodeMaxLength = GridCodes.MaxLength;

    private GridArea()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>Stable code other services refer to, e.g. G01.</summary>
    public string Code { get; private set; } = "";

    public string Name { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    public static GridArea Create(string? code, string? name, DateTimeOffset now)
    {
        var validation = new Validation();
        validation.RequireGridCode(code, "code");
        validation.RequireText(name, "name", 100);
        validation.ThrowIfInvalid();

        var grid = new GridArea { Id = Guid.CreateVersion7(now), Code = code!.Trim(), Name = name!.Trim(), CreatedAt = now };
        grid.Raise(new GridCreated { EventId = Guid.CreateVersion7(now), OccurredAt = now, GridCode = grid.Code, Name = grid.Name });
        return grid;
    }

    /// <summary>Renames the grid; a name it already has changes nothing and announces nothing.</summary>
    public void Rename(string? name, DateTimeOffset now)
    {
        new Validation().RequireText(name, "name", 100).ThrowIfInvalid();
        if (name!.Trim() == Name)
        {
            return;
        }

        Name = name.Trim();
        Raise(new GridRenamed { EventId = Guid.CreateVersion7(now), OccurredAt = now, GridCode = Code, Name = Name });
    }
}

