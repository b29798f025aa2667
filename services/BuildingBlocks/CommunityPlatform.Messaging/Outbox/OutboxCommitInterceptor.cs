using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CommunityPlatform.Messaging.Outbox;

/// <summary>
/// Moves the events every tracked <see cref="AggregateRoot"/> raised into the outbox as the context saves, so they
/// are written in the same transaction as the change that raised them; and signals the relay after a commit that
/// wrote outbox rows, so an event leaves as soon as it is durable instead of at the next poll. Both happen here, in
/// that order, so the signal sees the rows the aggregates raised whatever other interceptors are registered. SaveChanges without an explicit transaction commits by itself; with one, the commit is the
/// moment. Only commits that wrote outbox rows count: the relay's own claim transactions commit too, and if they
/// woke it, it would spin on an empty outbox.
/// </summary>
public sealed class OutboxCommitInterceptor(OutboxSignal signal) : DbTransactionInterceptor, ISaveChangesInterceptor
{
    private static readonly object Written = new();

    // Contexts that saved outbox rows their transaction has not committed yet.
    private readonly ConditionalWeakTable<DbContext, object> _uncommitted = new();

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        TakeRaisedEvents(eventData.Context);
        Track(eventData.Context);
        return result;
    }

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        TakeRaisedEvents(eventData.Context);
        Track(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        NotifyIfCommitted(eventData.Context);
        return result;
    }

    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        NotifyIfCommitted(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public void SaveChangesFailed(DbContextErrorEventData eventData) => ForgetUnlessInTransaction(eventData.Context);

    public Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        ForgetUnlessInTransaction(eventData.Context);
        return Task.CompletedTask;
    }

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => NotifyIfWritten(eventData.Context);

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        NotifyIfWritten(eventData.Context);
        return Task.CompletedTask;
    }

    public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Forget(eventData.Context);

    public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    private static void TakeRaisedEvents(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        foreach (var raised in context.ChangeTracker.Entries<AggregateRoot>().SelectMany(entry => entry.Entity.TakeEvents()).ToList())
        {
            context.AddIntegrationEvent(raised);
        }
    }

    private void Track(DbContext? context)
    {
        if (context is not null && context.ChangeTracker.Entries<OutboxMessage>().Any(entry => entry.State == EntityState.Added))
        {
            _uncommitted.AddOrUpdate(context, Written);
        }
    }

    private void NotifyIfCommitted(DbContext? context)
    {
        if (context?.Database.CurrentTransaction is null)
        {
            NotifyIfWritten(context);
        }
    }

    private void NotifyIfWritten(DbContext? context)
    {
        if (context is not null && _uncommitted.Remove(context))
        {
            signal.Notify();
        }
    }

    private void ForgetUnlessInTransaction(DbContext? context)
    {
        if (context?.Database.CurrentTransaction is null)
        {
            Forget(context);
        }
    }

    private void Forget(DbContext? context)
    {
        if (context is not null)
        {
            _uncommitted.Remove(context);
        }
    }
}
