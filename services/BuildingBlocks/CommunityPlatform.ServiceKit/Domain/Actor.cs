namespace CommunityPlatform.ServiceKit.Domain;

/// <summary>
/// Who took a step, as a record keeps it: the account id (to match the account later) and the name people read,
/// captured when the step is taken, so a page printed years later still names the person without asking the
/// identity service, and a rename does not rewrite history.
/// </summary>
public sealed record Actor(string Id, string Name)
{
    /// <summary>
    /// Shown in place of the name on records made before names were kept: the account id means nothing to a reader,
    /// and the id stays available beside it.
    /// </summary>
    public const string UnknownName = "—";

    /// <summary>Steps the suite takes itself: an event from another service, a deadline passing.</summary>
    public static readonly Actor System = new("system", "系统");
}
