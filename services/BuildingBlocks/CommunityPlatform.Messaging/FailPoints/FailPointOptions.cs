namespace CommunityPlatform.Messaging.FailPoints;

/// <summary>
/// Test-only crash points (section <c>Messaging:FailPoints</c>) for the fault suite, which must kill a service at
/// the exact moments the outbox and inbox exist for. Each value is the occurrence that crashes the process
/// (1 = the first); 0, the default, leaves the point off. They are never set in any shipped configuration, the
/// host refuses to start with one armed in the Production environment, and an armed point is logged at start.
/// </summary>
public sealed class FailPointOptions
{
    /// <summary>
    /// The relay ends the process (<see cref="Environment.FailFast(string)"/>) on its Nth non-empty batch: the
    /// rows are committed with their state change and claimed, and not one of them has been published.
    /// </summary>
    public int CrashAfterCommitBeforePublish { get; set; }

    /// <summary>
    /// A consumer ends the process on the Nth message it applies: its inbox row and effect are committed and the
    /// broker has not been acknowledged, so it will deliver the message again.
    /// </summary>
    public int CrashAfterConsumeCommitBeforeAck { get; set; }

    internal bool AnyArmed => CrashAfterCommitBeforePublish > 0 || CrashAfterConsumeCommitBeforeAck > 0;
}
