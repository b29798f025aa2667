namespace CommunityPlatform.Identity.Domain;

/// <summary>
/// One line of the security audit trail (审计日志): who did what to whom, when. Append-only: the database refuses
/// to update or delete a row, whatever the application asks.
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; init; }

    public DateTimeOffset OccurredAt { get; init; }

    /// <summary>What happened, e.g. <see cref="AuditActions.SignInFailed"/>.</summary>
    public required string Action { get; init; }

    /// <summary>Who acted: a user id, a client id, or the user name someone tried to sign in with.</summary>
    public required string Actor { get; init; }

    /// <summary>The user or record the action was about, when it is not the actor.</summary>
    public string? Subject { get; init; }

    /// <summary>How: the channel or client (never a password or a token).</summary>
    public string? Detail { get; init; }
}

public static class AuditActions
{
    public const string SignIn = "sign_in";
    public const string SignInFailed = "sign_in_failed";
    public const string SignInLockedOut = "sign_in_locked_out";
    public const string MachineSignIn = "machine_sign_in";
    public const string UserCreated = "user_created";
    public const string AccessChanged = "access_changed";
}
