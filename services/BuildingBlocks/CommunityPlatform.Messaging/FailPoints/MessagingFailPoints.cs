using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CommunityPlatform.Messaging.FailPoints;

/// <summary>Counts arrivals at each crash point and ends the process at the configured one (see <see cref="FailPointOptions"/>).</summary>
public sealed partial class MessagingFailPoints
{
    private readonly FailPointOptions _options;
    private int _publishes;
    private int _consumes;

    public MessagingFailPoints(IOptions<FailPointOptions> options, IHostEnvironment environment, ILogger<MessagingFailPoints> logger)
    {
        _options = options.Value;
        if (!_options.AnyArmed)
        {
            return;
        }

        if (environment.IsProduction())
        {
            throw new InvalidOperationException("Messaging:FailPoints crash the process on purpose and may not be armed in Production.");
        }

        LogArmed(logger, _options.CrashAfterCommitBeforePublish, _options.CrashAfterConsumeCommitBeforeAck);
    }

    /// <summary>Called by the relay with committed rows claimed and none published yet.</summary>
    public void AfterCommitBeforePublish() =>
        Reach(ref _publishes, _options.CrashAfterCommitBeforePublish, nameof(FailPointOptions.CrashAfterCommitBeforePublish));

    /// <summary>Called by a consumer once its transaction has committed, before the broker is acknowledged.</summary>
    public void AfterConsumeCommitBeforeAck() =>
        Reach(ref _consumes, _options.CrashAfterConsumeCommitBeforeAck, nameof(FailPointOptions.CrashAfterConsumeCommitBeforeAck));

    private static void Reach(ref int arrivals, int crashAt, string name)
    {
        if (crashAt > 0 && Interlocked.Increment(ref arrivals) == crashAt)
        {
            Environment.FailFast($"Messaging fail point {name} reached (occurrence {crashAt}): ending the process as configured.");
        }
    }

    [LoggerMessage(Level = LogLevel.Critical,
        Message = "TEST FAIL POINTS ARMED: this process will crash on purpose (CrashAfterCommitBeforePublish={Publish}, CrashAfterConsumeCommitBeforeAck={Consume}). Never run it with real data.")]
    private static partial void LogArmed(ILogger logger, int publish, int consume);
}
