namespace CommunityPlatform.Identity.Domain;

/// <summary>What the identity service audits.</summary>
public static class AuditActions
{
    public const string SignIn = "sign_in";
    public const string SignInFailed = "sign_in_failed";
    public const string SignInLockedOut = "sign_in_locked_out";
    public const string MachineSignIn = "machine_sign_in";
    public const string UserCreated = "user_created";
    public const string AccessChanged = "access_changed";
}
