namespace CommunityPlatform.Messaging.Outbox;

public sealed class OutboxOptions
{
    /// <summary>How many rows one relay pass claims and publishes together.</summary>
    public int BatchSize { get; set; } = 200;

    /// <summary>Fallback poll when no commit signal arrives (another replica wrote, or a signal was missed).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The longest wait between attempts while the broker refuses or is unreachable.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a publish may wait for the broker's confirm before the batch is retried.</summary>
    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Published rows and inbox entries older than this are deleted.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(7);
}
