namespace CommunityPlatform.ServiceKit.Http;

/// <summary>What another service of the suite made of a question asked as the caller.</summary>
public enum ServiceAnswerKind
{
    /// <summary>A 2xx, its JSON body read into <see cref="ServiceAnswer{T}.Value"/>.</summary>
    Answered,

    /// <summary>404: what was asked about does not exist there.</summary>
    NotFound,

    /// <summary>401 or 403: the caller may not see it there.</summary>
    Forbidden,

    /// <summary>Another 4xx: the question itself was refused; nothing the caller could ask again unchanged.</summary>
    Refused,

    /// <summary>No answer, a timeout, 408, 429 or a 5xx: the service's trouble, not the caller's; asking again later may succeed.</summary>
    Unavailable,
}

/// <summary>
/// Another service's answer: its kind, the body of a 2xx, the status of anything else it answered, and for a
/// refusal (<see cref="ServiceAnswerKind.Forbidden"/>, <see cref="ServiceAnswerKind.Refused"/>) why, quoted from
/// its problem document.
/// </summary>
public sealed record ServiceAnswer<T>(ServiceAnswerKind Kind, T? Value = default, int? Status = null, string? Reason = null);
