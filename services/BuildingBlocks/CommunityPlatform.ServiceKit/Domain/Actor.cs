namespace CommunityPlatform.ServiceKit.Domain;

/// <summary>
/// Who took a step: the account (for scoping and audit) and the name a person reads on a timeline or a
/// certificate, captured when the step is taken so that a later rename or a deleted account does not rewrite history.
/// </summary>
public sealed record Actor(string Id, string Name)
{
    /// <summary>Steps the suite takes itself: an event from another service, a deadline passing.</summary>
    public static readonly Actor System = new("system", "系统");
}
