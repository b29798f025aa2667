using CommunityPlatform.Contracts;
using CommunityPlatform.Messaging.Outbox;
using CommunityPlatform.Messaging.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CommunityPlatform.Messaging.Tests.Ledger;

/// <summary>
/// A scratch service's database: the messaging tables plus one row per applied effect. Effects have no unique
/// key on purpose, so applying a message twice would show as two rows instead of failing.
/// </summary>
public sealed class LedgerDbContext(DbContextOptions<LedgerDbContext> options) : DbContext(options)
{
    public DbSet<Effect> Effects => Set<Effect>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Effect>(effect =>
        {
            effect.HasKey(e => e.Id);
            effect.HasIndex(e => e.EntryId);
        });
        modelBuilder.AddMessagingTables();
    }
}

/// <summary>An applied effect; also the scratch service's aggregate, raising what a test gives it.</summary>
public sealed class Effect : AggregateRoot
{
    public long Id { get; init; }

    public Guid EntryId { get; init; }

    /// <summary>Raises <paramref name="integrationEvent"/>, as a transition of a service's aggregate does.</summary>
    public Effect Raising(IntegrationEvent integrationEvent)
    {
        Raise(integrationEvent);
        return this;
    }
}

public sealed class LedgerDbContextFactory : IDesignTimeDbContextFactory<LedgerDbContext>
{
    public LedgerDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<LedgerDbContext>().UseNpgsql("Host=localhost").UseSnakeCaseNamingConvention().Options);
}
