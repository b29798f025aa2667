namespace CommunityPlatform.ServiceKit.Audit;

/// <summary>
/// One line of a service's security audit trail (审计日志): who did what to whom, when. Each service keeps its
/// own, in its own database, so an audited read commits with the work it records. Append-only: the database
/// refuses to update or delete a row, whatever the application asks.
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; init; }

    public DateTimeOffset OccurredAt { get; init; }

    /// <summary>What happened, a stable snake_case code such as <c>sign_in_failed</c> or <c>care_list_read</c>.</summary>
    public required string Action { get; init; }

    /// <summary>Who acted: a user id, a client id, or the user name someone tried to sign in with.</summary>
    public required string Actor { get; init; }

    /// <summary>The actor's display name as their token gave it, when a signed-in person acted (readers of an audit know people by name).</summary>
    public string? ActorName { get; init; }

    /// <summary>The user or record the action was about, when it is not the actor.</summary>
    public string? Subject { get; init; }

    /// <summary>How: the channel or client (never a password or a token).</summary>
    public string? Detail { get; init; }
}
