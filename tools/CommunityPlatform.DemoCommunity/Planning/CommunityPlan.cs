namespace CommunityPlatform.DemoCommunity.Planning;

/// <summary>
/// Everything the generator will make, drawn from the seed before the first request: the same options give the same
/// plan, and the ground truth is counted from it.
/// </summary>
internal sealed class CommunityPlan
{
    public required DemoPeriod Period { get; init; }

    public required MembershipPlan Membership { get; init; }

    public required GridPlan Grid { get; init; }

    public required SafetyPlan Safety { get; init; }

    public required VolunteerPlan Volunteer { get; init; }

    public static CommunityPlan Make(DemoCommunityOptions options)
    {
        var period = DemoPeriod.Of(options);
        var membership = MembershipPlan.Make(options.Seed, options.Scale, period);
        var grid = GridPlan.Make(options.Seed, options.Scale, period, membership);
        return new CommunityPlan
        {
            Period = period,
            Membership = membership,
            Grid = grid,
            Safety = SafetyPlan.Make(options.Seed, options.Scale, period, grid),
            Volunteer = VolunteerPlan.Make(options.Seed, options.Scale, period, membership, grid),
        };
    }

    /// <param name="livePatrol">Whether today's patrol, with its one observation, exists.</param>
    public IReadOnlyDictionary<string, decimal> Truth(bool livePatrol)
    {
        var truth = new TruthBuilder();
        Membership.AddTruth(truth, Period);
        Grid.AddTruth(truth, Safety.HazardMatters, Safety.RectifiedHazardMatters, livePatrol ? 1 : 0);
        Safety.AddTruth(truth, Period, Grid.Matters.Count(m => m.Category == "Safety"));
        Volunteer.AddTruth(truth, Period, livePatrol);
        return truth.Build();
    }
}
