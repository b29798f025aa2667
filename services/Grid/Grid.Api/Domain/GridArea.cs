using System.Text.RegularExpressions;
using CommunityPlatform.ServiceKit.Domain;

namespace CommunityPlatform.Grid.Domain;

/// <summary>A grid (网格): the area one or more grid workers (网格员) are responsible for.</summary>
public sealed partial class GridArea
{
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
        validation.RequireText(code, "code", 20);
        validation.Require(code is null || CodePattern().IsMatch(code.Trim()), "code", "may contain only letters, digits and '-'.");
        validation.RequireText(name, "name", 100);
        validation.ThrowIfInvalid();

        return new GridArea { Id = Guid.CreateVersion7(now), Code = code!.Trim(), Name = name!.Trim(), CreatedAt = now };
    }

    [GeneratedRegex("^[A-Za-z0-9-]+$")]
    private static partial Regex CodePattern();
}
