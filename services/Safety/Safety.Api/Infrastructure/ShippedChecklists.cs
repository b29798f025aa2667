using System.Text.Json;
using CommunityPlatform.Safety.Domain;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CommunityPlatform.Safety.Infrastructure;

/// <summary>
/// Puts the checklists the suite ships with (the nine small venue kinds, waters, slopes, woodland, building sites)
/// into the database as version 1 of each code the office has not got yet. The office's own later versions are
/// never touched. Runs after the migration, before the service takes requests.
/// </summary>
public sealed class ShippedChecklists(IServiceScopeFactory scopeFactory, TimeProvider time) : IHostedService
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static IReadOnlyList<ShippedChecklist> Load()
    {
        using var stream = typeof(ShippedChecklists).Assembly.GetManifestResourceStream("CommunityPlatform.Safety.ShippedChecklists.json")
            ?? throw new InvalidOperationException("The shipped checklists are missing from the assembly.");
        return JsonSerializer.Deserialize<List<ShippedChecklist>>(stream, Json) ?? [];
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SafetyDbContext>();
        var existing = await db.Checklists.Select(c => c.Code).Distinct().ToListAsync(cancellationToken);
        var now = time.GetUtcNow();
        foreach (var shipped in Load().Where(s => !existing.Contains(s.Code)))
        {
            db.Checklists.Add(ChecklistTemplate.Create(shipped.Code, shipped.Content, shipped: true, "system", now));
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // Another replica seeded them at the same moment.
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

public sealed record ShippedChecklist(string Code, string Name, IReadOnlyList<string> VenueKinds, IReadOnlyList<ChecklistItemContent> Items)
{
    public ChecklistContent Content => new(Name, VenueKinds, Items);
}
