using Microsoft.EntityFrameworkCore;

namespace CommunityPlatform.ServiceKit.Persistence;

public static class Transactions
{
    /// <summary>
    /// Runs <paramref name="work"/> in one transaction and commits it (the work saves its own changes). A transient
    /// failure — a dropped connection, a restarting server — rolls it back and runs it again whole, from a cleared
    /// change tracker. EF's automatic savepoints are off: they exist so that a failed SaveChanges can be retried
    /// inside the transaction, which never happens here (the whole transaction is retried), and they cost two
    /// round trips on every save.
    /// </summary>
    public static Task<T> InRetriedTransactionAsync<T>(this DbContext db, Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken) =>
        db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            db.Database.AutoSavepointsEnabled = false;
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var result = await work(ct);
            await transaction.CommitAsync(ct);
            return result;
        }, cancellationToken);

    /// <inheritdoc cref="InRetriedTransactionAsync{T}"/>
    public static Task InRetriedTransactionAsync(this DbContext db, Func<CancellationToken, Task> work, CancellationToken cancellationToken) =>
        db.InRetriedTransactionAsync(async ct =>
        {
            await work(ct);
            return true;
        }, cancellationToken);
}
