namespace CommunityPlatform.County.Domain;

/// <summary>
/// Where a county case stands, in the order it moves: received → signed for (签收) → in progress on a grid →
/// resolved (办结) → closed (销号); or received → returned (退单). On the wire in snake_case (<c>signed_for</c>).
/// </summary>
public enum CaseState
{
    Received,
    SignedFor,
    InProgress,
    Resolved,
    Closed,
    Returned,
}

public static class CaseStates
{
    /// <summary>Open311 knows two states: a case is <c>closed</c> once returned or closed, <c>open</c> before.</summary>
    public static string Open311Status(this CaseState state) => state is CaseState.Returned or CaseState.Closed ? "closed" : "open";

    /// <summary>The state as the API and the feed write it.</summary>
    public static string WireName(this CaseState state) => System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(state.ToString());
}
