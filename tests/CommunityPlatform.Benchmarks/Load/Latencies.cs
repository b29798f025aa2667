using HdrHistogram;

namespace CommunityPlatform.Benchmarks.Load;

/// <summary>A thread-safe latency recorder in microseconds (HdrHistogram, 3 significant digits, up to 5 minutes).</summary>
public sealed class Latencies
{
    private readonly LongHistogram _histogram = new(TimeSpan.FromMinutes(5).Ticks / TimeSpan.TicksPerMicrosecond, 3);
    private readonly Lock _gate = new();

    public void Record(TimeSpan latency)
    {
        var micros = Math.Clamp(latency.Ticks / TimeSpan.TicksPerMicrosecond, 1, _histogram.HighestTrackableValue);
        lock (_gate)
        {
            _histogram.RecordValue(micros);
        }
    }

    public long Count
    {
        get
        {
            lock (_gate)
            {
                return _histogram.TotalCount;
            }
        }
    }

    /// <summary>The latency at <paramref name="percentile"/> (0–100), in milliseconds.</summary>
    public double Milliseconds(double percentile)
    {
        lock (_gate)
        {
            return _histogram.TotalCount == 0 ? double.NaN : _histogram.GetValueAtPercentile(percentile) / 1000.0;
        }
    }
}
