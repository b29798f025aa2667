using CommunityPlatform.ServiceKit.Domain;

namespace CommunityPlatform.Membership.Domain;

/// <summary>
/// A heart-to-heart talk (谈心谈话): who talked with whom, when and on what. The content is confidential: only the
/// roles of the talks-content policy read it, and each such read is audited.
/// </summary>
public sealed class Talk
{
    private Talk()
    {
    }

    public Guid Id { get; private set; }

    public Guid TalkerMemberId { get; private set; }

    public Guid TalkedWithMemberId { get; private set; }

    public DateOnly HeldOn { get; private set; }

    public string Topic { get; private set; } = "";

    /// <summary>Confidential: never listed to roles outside the content policy, never logged, sealed at rest.</summary>
    [Sealed]
    public string Content { get; private set; } = "";

    public string RecordedBy { get; private set; } = "";

    public static Talk Record(Member talker, Member talkedWith, DateOnly? heldOn, string? topic, string? content, string recordedBy, DateTimeOffset now)
    {
        var validation = new Validation();
        validation.RequireDateNotAfter(heldOn, "heldOn", CommunityTime.DateOf(now));
        validation.RequireText(topic, "topic", 200);
        validation.RequireText(content, "content", 10_000);
        validation.Require(talker.Id != talkedWith.Id, "talkedWithMemberId", ValidationFailure.Of(ValidationCodes.Conflicting, "must be someone other than the talker."));
        validation.ThrowIfInvalid();
        return new Talk
        {
            Id = Guid.CreateVersion7(now),
            TalkerMemberId = talker.Id,
            TalkedWithMemberId = talkedWith.Id,
            HeldOn = heldOn!.Value,
            Topic = topic!.Trim(),
            Content = content!.Trim(),
            RecordedBy = recordedBy,
        };
    }
}
