using CommunityPlatform.Messaging.Outbox;
using CommunityPlatform.ServiceKit.Persistence;
using CommunityPlatform.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CommunityPlatform.Messaging.Tests.Ledger;

/// <summary>
/// A scratch service built from the messaging building block exactly as the real services are
/// (AddServiceDatabase + AddPlatformMessaging), with its own database and its own queue.
/// </summary>
public sealed class LedgerService : IAsyncDisposable
{
    private readonly IHost _host;

    public LedgerService(LocalInfrastructureFixture infrastructure, string name, params IInterceptor[] interceptors)
        : this(infrastructure, name, new Dictionary<string, string?>(), interceptors)
    {
    }

    /// <param name="settings">Configuration over the defaults, e.g. <c>Messaging:Outbox:PollInterval</c>.</param>
    public LedgerService(LocalInfrastructureFixture infrastructure, string name, IReadOnlyDictionary<string, string?> settings, params IInterceptor[] interceptors)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Testing" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:ledger"] = infrastructure.ServiceConnectionString(name),
            ["ConnectionStrings:messaging"] = infrastructure.MessagingConnectionString,
            ["Messaging:Outbox:MaxRetryDelay"] = "00:00:01",
            ["Messaging:Outbox:BatchSize"] = "100",
        });
        builder.Configuration.AddInMemoryCollection(settings);
        foreach (var interceptor in interceptors)
        {
            builder.Services.AddSingleton(interceptor);
        }

        builder.AddServiceDatabase<LedgerDbContext>("ledger");
        builder.AddPlatformMessaging<LedgerDbContext>(name, messaging => messaging.AddConsumer<RecordEffectConsumer, LedgerEntryRecorded>());
        _host = builder.Build();
        Queue = EventSubscriptions.QueueName(name, typeof(LedgerEntryRecorded));
    }

    public string Queue { get; }

    public IServiceProvider Services => _host.Services;

    public Task StartAsync() => _host.StartAsync().WaitAsync(TimeSpan.FromMinutes(2));

    public Task StopAsync() => _host.StopAsync().WaitAsync(TimeSpan.FromMinutes(1));

    /// <summary>Writes events to the outbox the way a request handler does: with a state change, in one SaveChanges.</summary>
    public async Task<List<Guid>> RecordAsync(int count)
    {
        await using var scope = _host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LedgerDbContext>();
        var ids = Enumerable.Range(0, count).Select(_ => Guid.CreateVersion7()).ToList();
        foreach (var id in ids)
        {
            db.AddIntegrationEvent(new LedgerEntryRecorded { EventId = Guid.NewGuid(), OccurredAt = DateTimeOffset.UtcNow, EntryId = id });
        }

        await db.SaveChangesAsync();
        return ids;
    }

    /// <summary>Writes any integration event to the outbox, alone.</summary>
    public async Task WriteAsync(Contracts.IntegrationEvent integrationEvent)
    {
        await using var scope = _host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LedgerDbContext>();
        db.AddIntegrationEvent(integrationEvent);
        await db.SaveChangesAsync();
    }

    /// <summary>Which of <paramref name="eventIds"/> the outbox holds, in the order the relay sends them, each as often as it holds it.</summary>
    public async Task<List<Guid>> OutboxIdsAsync(params Guid[] eventIds)
    {
        await using var scope = _host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LedgerDbContext>();
        return await db.Set<OutboxMessage>().Where(m => eventIds.Contains(m.Id)).OrderBy(m => m.Sequence).Select(m => m.Id).ToListAsync();
    }

    public async Task<OutboxMessage> OutboxRowAsync(Guid eventId)
    {
        await using var scope = _host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LedgerDbContext>();
        return await db.Set<OutboxMessage>().AsNoTracking().SingleAsync(m => m.Id == eventId);
    }

    /// <summary>How many effects each entry has, for the entries that have any.</summary>
    public async Task<Dictionary<Guid, int>> EffectsAsync()
    {
        await using var scope = _host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LedgerDbContext>();
        return await db.Effects.GroupBy(e => e.EntryId).ToDictionaryAsync(g => g.Key, g => g.Count());
    }

    public async Task<int> UnsentAsync()
    {
        await using var scope = _host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LedgerDbContext>();
        return await db.Set<OutboxMessage>().CountAsync(m => m.SentAt == null);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopAsync();
        }
        catch (OperationCanceledException)
        {
            // Already stopped.
        }

        _host.Dispose();
    }
}
