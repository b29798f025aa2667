using CommunityPlatform.Contracts.Grid;
using CommunityPlatform.Safety.Infrastructure;
using CommunityPlatform.ServiceDefaults;
using CommunityPlatform.TestSupport;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityPlatform.Safety.FunctionalTests;

/// <summary>
/// The safety service with its monitor running every second, and a pool of grids the grid service has announced
/// (GridCreated on the bus), so that each test can take grids of its own.
/// </summary>
public sealed class SafetyApiFixture() : ServiceFixture<SafetyDbContext>(ResourceNames.SafetyDb, Settings)
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private const int GridCount = 120;

    private static readonly Dictionary<string, string> Settings = new() { ["Safety:MonitorInterval"] = "00:00:01" };

    private int _taken;

    /// <summary>A grid no other test uses, known to the service.</summary>
    public string NewGrid()
    {
        var next = Interlocked.Increment(ref _taken);
        Assert.True(next <= GridCount, $"The fixture announced only {GridCount} grids; announce more.");
        return GridCode(next);
    }

    /// <summary>A grid code the grid service never announced.</summary>
    public static string UnknownGrid() => "X-" + Guid.NewGuid().ToString("N")[..6];

    public Task PublishAsync<T>(T message, Guid messageId)
        where T : class =>
        App.Services.GetRequiredService<IBus>().Publish(message, context => context.MessageId = messageId);

    /// <summary>Waits until <paramref name="consumer"/> has handled the message <paramref name="messageId"/>.</summary>
    public Task WaitHandledAsync(Guid messageId, string consumer) =>
        Eventually.ReturnsAsync(
            () => ScalarAsync<long>($"SELECT count(*) FROM inbox_messages WHERE message_id = '{messageId}' AND consumer = '{consumer}'"),
            n => n == 1, Patience, $"{consumer} to handle {messageId}");

    /// <summary>How many outbox rows of <paramref name="eventType"/> carry <paramref name="value"/> in their payload's <paramref name="field"/>.</summary>
    public Task<long> OutboxCountAsync(string eventType, string field, object value) =>
        ScalarAsync<long>(
            $"SELECT count(*) FROM outbox_messages WHERE message_type = 'CommunityPlatform.Contracts.Safety.{eventType}' AND payload->>'{field}' = '{value}'");

    /// <summary>Runs an UPDATE or DELETE against the service's database, returning how many rows it changed.</summary>
    public Task<long> ExecuteAsync(string sql) => ScalarAsync<long>($"WITH changed AS ({sql} RETURNING 1) SELECT count(*) FROM changed");

    protected override async Task SeedAsync()
    {
        for (var i = 1; i <= GridCount; i++)
        {
            var created = new GridCreated { EventId = Guid.NewGuid(), OccurredAt = DateTimeOffset.UtcNow, GridCode = GridCode(i), Name = $"第{i}网格" };
            await PublishAsync(created, created.EventId);
        }

        await Eventually.ReturnsAsync(() => ScalarAsync<long>("SELECT count(*) FROM known_grids"), n => n == GridCount, Patience, "the announced grids");
    }

    private static string GridCode(int number) => $"SG{number:000}";
}

[CollectionDefinition(Name)]
public sealed class SafetyApiCollection : ICollectionFixture<SafetyApiFixture>
{
    public const string Name = "safety-api";
}
