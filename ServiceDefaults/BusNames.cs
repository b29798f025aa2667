namespace CommunityPlatform.ServiceDefaults;

/// <summary>
/// The name each service goes by on the message bus: the subscription catalogue names subscribers by it, and each
/// of its durable queues is <c>{name}-{event}</c> (e.g. <c>volunteer-member-registered</c>). One list, beside
/// <see cref="ResourceNames"/>, for the services, the catalogue and the tests.
/// </summary>
public static class BusNames
{
    public const string Membership = "membership";
    public const string Grid = "grid";
    public const string Safety = "safety";
    public const string Volunteer = "volunteer";
    public const string Reporting = "reporting";
    public const string County = "county";
}
