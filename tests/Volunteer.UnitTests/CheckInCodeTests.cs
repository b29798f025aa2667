using CommunityPlatform.Volunteer.Domain;

namespace CommunityPlatform.Volunteer.UnitTests;

public sealed class CheckInCodeTests
{
    [Fact]
    public void Codes_are_six_unambiguous_characters_and_differ_from_activity_to_activity()
    {
        var codes = Enumerable.Range(0, 200).Select(_ => CheckInCodes.New()).ToList();

        Assert.All(codes, code => Assert.Matches("^[A-HJKMNP-Z2-9]{6}$", code));
        Assert.True(codes.Distinct().Count() > 190);
    }

    [Fact]
    public void The_qr_payload_names_the_activity_and_matches_only_that_activity()
    {
        var activity = Guid.NewGuid();
        var payload = CheckInCodes.QrPayload(activity, "K7WQ3P");

        Assert.Equal($"cpvol:{activity}:K7WQ3P", payload);
        Assert.True(CheckInCodes.Matches("K7WQ3P", activity, payload));
        Assert.True(CheckInCodes.Matches("K7WQ3P", activity, " k7wq3p "));
        Assert.False(CheckInCodes.Matches("K7WQ3P", Guid.NewGuid(), payload));
        Assert.False(CheckInCodes.Matches("K7WQ3P", activity, "K7WQ3"));
        Assert.False(CheckInCodes.Matches("K7WQ3P", activity, "cpvol:not-a-guid:K7WQ3P"));
        Assert.False(CheckInCodes.Matches("K7WQ3P", activity, $"cpvol:{activity}:K7WQ3P:extra"));
    }
}
