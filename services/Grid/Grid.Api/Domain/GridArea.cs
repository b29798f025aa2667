using CommunityPlatform.Contracts.Grid;
using CommunityPlatform.ServiceKit.Domain;

namespace CommunityPlatform.Grid.Domain;

/// <summary>A grid (网格): the area one or more grid workers (网格员) are responsible for.</summary>
public sealed class GridArea
{
    public const int CodeMaxLength = GridCodes.MaxLength;

    private GridArea()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>Stable code other services refer to, e.g. G01.</summary>
    public string Code { get; private set; } = "";

    public string Name { get; private set; } = "";

    /// <summary>The grid workers responsible for it, by their user ids in the identity service.</summary>
    public List<GridWorker> Workers { get; private set; } = [];

    public DateTimeOffset CreatedAt { get; private set; }

    public static (GridArea Grid, GridCreated Created) Create(string? code, string? name, DateTimeOffset now)
    {
        var validation = new Validation();
        validation.RequireGridCode(code, "code");
        validation.RequireText(name, "name", 100);
        validation.ThrowIfInvalid();

        var grid = new GridArea { Id = Guid.CreateVersion7(now), Code = code!.Trim(), Name = name!.Trim(), CreatedAt = now };
        return (grid, new GridCreated { EventId = Guid.CreateVersion7(now), OccurredAt = now, GridCode = grid.Code, Name = grid.Name });
    }

    public GridRenamed? Rename(string? name, DateTimeOffset now)
    {
        new Validation().RequireText(name, "name", 100).ThrowIfInvalid();
        if (name!.Trim() == Name)
        {
            return null;
        }

        Name = name.Trim();
        return new GridRenamed { EventId = Guid.CreateVersion7(now), OccurredAt = now, GridCode = Code, Name = Name };
    }

    /// <summary>Replaces the grid's workers as a whole (the office reassigns them, it does not patch them).</summary>
    public void AssignWorkers(IReadOnlyList<GridWorker>? workers)
    {
        var validation = new Validation();
        validation.Require(workers is { Count: <= 20 }, "workers", "must list at most 20 grid workers.");
        for (var i = 0; i < (workers?.Count ?? 0); i++)
        {
            validation.RequireText(workers![i].UserId, $"workers[{i}].userId", 100);
            validation.RequireText(workers[i].Name, $"workers[{i}].name", 50);
            validation.Require(workers.Take(i).All(w => w.UserId != workers[i].UserId), $"workers[{i}].userId", "lists the same worker twice.");
        }

        validation.ThrowIfInvalid();
        Workers = [.. workers!.Select(w => new GridWorker(w.UserId.Trim(), w.Name.Trim()))];
    }
}

/// <summary>A grid worker (网格员) assigned to a grid.</summary>
public sealed record GridWorker(string UserId, string Name);
