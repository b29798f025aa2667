using CommunityPlatform.Benchmarks.Suite;
using CommunityPlatform.ServiceDefaults;
using Npgsql;

namespace CommunityPlatform.Benchmarks.Scenarios;

/// <summary>
/// B6: the membership service's outbox relay draining 10,000 rows committed at once — claiming batches with
/// <c>SKIP LOCKED</c>, publishing each with a publisher confirm, marking them sent. The rows are <c>PointsAwarded</c>
/// events; the county service's feed consumes them meanwhile on the same cores, as B2's consumer does. The rate runs
/// from the first row sent to the last; the delay before the first (the relay's fallback poll, since another process
/// wrote the rows) is reported on its own.
/// </summary>
public sealed class RelayDrain : IScenario
{
    private const int Rows = 10_000;

    public string Id => "B6";

    public string What => "relay draining 10,000 pre-loaded outbox rows";

    public async Task<IReadOnlyList<Measurement>> RunAsync(SuiteHost suite, Settings settings)
    {
        await using var membership = NpgsqlDataSource.Create(await suite.ConnectionStringAsync(ResourceNames.MembershipDb));
        var batch = Guid.NewGuid().ToString();
        await using (var load = membership.CreateCommand("""
            INSERT INTO outbox_messages (id, message_type, payload, occurred_at, attempts)
            SELECT gen_random_uuid(), 'CommunityPlatform.Contracts.Membership.PointsAwarded',
                   jsonb_build_object('eventId', gen_random_uuid(), 'occurredAt', now(), 'memberId', gen_random_uuid(),
                                      'points', 1, 'reason', 'Benchmark', 'source', @batch || ':' || n),
                   now(), 0
            FROM generate_series(1, @rows) AS n
            """))
        {
            load.Parameters.AddWithValue("batch", batch);
            load.Parameters.AddWithValue("rows", Rows);
            await load.ExecuteNonQueryAsync();
        }

        var committedAt = DateTimeOffset.UtcNow;
        var cpu = new CpuMeter();
        var deadline = DateTime.UtcNow.AddMinutes(5);
        while (await UnsentAsync(membership, batch) > 0)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException("The relay did not drain the outbox within five minutes.");
            }

            await Task.Delay(100);
        }

        var use = cpu.Stop();
        await using var times = membership.CreateCommand("SELECT min(sent_at), max(sent_at) FROM outbox_messages WHERE payload->>'source' LIKE @prefix");
        times.Parameters.AddWithValue("prefix", batch + ":%");
        await using var reader = await times.ExecuteReaderAsync();
        await reader.ReadAsync();
        var (first, last) = (reader.GetFieldValue<DateTimeOffset>(0), reader.GetFieldValue<DateTimeOffset>(1));
        return
        [
            new(Id, "drain rate", Rows / Math.Max((last - first).TotalSeconds, 0.001), "msg/s"),
            new(Id, "first row sent after commit", (first - committedAt).TotalMilliseconds, "ms"),
            new(Id, "suite cores while draining", use.SuiteCores, "cores"),
            .. use.Processes(Id, "cores while draining"),
        ];
    }

    private static async Task<long> UnsentAsync(NpgsqlDataSource membership, string batch)
    {
        await using var count = membership.CreateCommand("SELECT count(*) FROM outbox_messages WHERE sent_at IS NULL AND payload->>'source' LIKE @prefix");
        count.Parameters.AddWithValue("prefix", batch + ":%");
        return (long)(await count.ExecuteScalarAsync())!;
    }
}
