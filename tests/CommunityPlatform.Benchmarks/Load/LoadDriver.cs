using System.Diagnostics;

namespace CommunityPlatform.Benchmarks.Load;

/// <summary>What one load run achieved.</summary>
public sealed record LoadResult(double TargetRate, double AchievedRate, long Completed, long Failed, double P50, double P90, double P99, double Max)
{
    public static LoadResult From(double target, TimeSpan elapsed, Latencies latencies, long failed) => new(
        target, latencies.Count / elapsed.TotalSeconds, latencies.Count, failed,
        latencies.Milliseconds(50), latencies.Milliseconds(90), latencies.Milliseconds(99), latencies.Milliseconds(100));
}

public static class LoadDriver
{
    /// <summary>
    /// Open-loop load: operation <c>i</c> is due at <c>i / rate</c> seconds and starts then whether or not earlier ones
    /// have finished, and its latency is measured from when it was due, not from when it started — so a stalled
    /// system is charged for every request that queued behind the stall (no coordinated omission).
    /// </summary>
    public static async Task<LoadResult> OpenLoopAsync(double rate, TimeSpan duration, Func<long, Task<bool>> operation, int maxInFlight = 5000)
    {
        var latencies = new Latencies();
        var failed = 0L;
        var inFlight = 0;
        var total = (long)(rate * duration.TotalSeconds);
        var running = new List<Task>((int)Math.Min(total, 1_000_000));
        var clock = Stopwatch.StartNew();
        for (var i = 0L; i < total; i++)
        {
            var due = TimeSpan.FromSeconds(i / rate);
            var wait = due - clock.Elapsed;
            if (wait > TimeSpan.FromMilliseconds(1))
            {
                await Task.Delay(wait);
            }

            if (Volatile.Read(ref inFlight) >= maxInFlight)
            {
                // The system fell this far behind: the operation is counted as failed rather than silently dropped.
                Interlocked.Increment(ref failed);
                continue;
            }

            Interlocked.Increment(ref inFlight);
            var sequence = i;
            running.Add(Task.Run(async () =>
            {
                try
                {
                    if (await operation(sequence))
                    {
                        latencies.Record(clock.Elapsed - due);
                    }
                    else
                    {
                        Interlocked.Increment(ref failed);
                    }
                }
                catch (Exception)
                {
                    Interlocked.Increment(ref failed);
                }
                finally
                {
                    Interlocked.Decrement(ref inFlight);
                }
            }));
        }

        await Task.WhenAll(running);
        return LoadResult.From(rate, clock.Elapsed, latencies, failed);
    }

    /// <summary>
    /// Closed-loop saturation: <paramref name="workers"/> callers each start the next operation as soon as the last one
    /// finished, for <paramref name="duration"/>; the completion rate is the most the system sustains.
    /// </summary>
    public static async Task<LoadResult> SaturateAsync(int workers, TimeSpan duration, Func<long, Task<bool>> operation)
    {
        var latencies = new Latencies();
        var failed = 0L;
        var sequence = -1L;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, workers).Select(_ => Task.Run(async () =>
        {
            while (clock.Elapsed < duration)
            {
                var started = clock.Elapsed;
                try
                {
                    if (await operation(Interlocked.Increment(ref sequence)))
                    {
                        latencies.Record(clock.Elapsed - started);
                    }
                    else
                    {
                        Interlocked.Increment(ref failed);
                    }
                }
                catch (Exception)
                {
                    Interlocked.Increment(ref failed);
                }
            }
        })));
        return LoadResult.From(double.NaN, clock.Elapsed, latencies, failed);
    }
}
