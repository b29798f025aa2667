namespace CommunityPlatform.ServiceKit.Domain;

/// <summary>
/// One broken rule of a field: its stable <see cref="ValidationCodes">code</see>, the values a translation fills in
/// (<c>{ max: 200 }</c>), and the English message for whoever reads the raw answer. The factories write the common
/// shapes once; a rule of its own passes its code and message to <see cref="Of"/>.
/// </summary>
public sealed record ValidationFailure(string Code, string Message, IReadOnlyDictionary<string, object?>? Args = null)
{
    public static ValidationFailure Of(string code, string message, IReadOnlyDictionary<string, object?>? args = null) => new(code, message, args);

    public static ValidationFailure Required(string message = "is required.") => new(ValidationCodes.Required, message);

    public static ValidationFailure MaxLength(int max) => new(ValidationCodes.MaxLength, $"must be at most {max} characters.", Arguments(("max", max)));

    public static ValidationFailure Length(int min, int max, string? message = null) =>
        new(ValidationCodes.Length, message ?? $"must be {min} to {max} characters.", Arguments(("min", min), ("max", max)));

    public static ValidationFailure ItemLength(int max, string message) => new(ValidationCodes.ItemLength, message, Arguments(("max", max)));

    public static ValidationFailure PlainText() => new(ValidationCodes.PlainText, Domain.PlainText.Rule);

    public static ValidationFailure OneOf(string allowed, string? message = null) =>
        new(ValidationCodes.OneOf, message ?? $"must be one of: {allowed}.", Arguments(("allowed", allowed)));

    public static ValidationFailure Format(string format, string message) => new(ValidationCodes.Format, message, Arguments(("format", format)));

    public static ValidationFailure Range(object min, object max, string? message = null) =>
        new(ValidationCodes.Range, message ?? $"must be between {min} and {max}.", Arguments(("min", min), ("max", max)));

    public static ValidationFailure Count(int min, int max, string message) => new(ValidationCodes.Count, message, Arguments(("min", min), ("max", max)));

    public static ValidationFailure MaxCount(int max, string message) => new(ValidationCodes.MaxCount, message, Arguments(("max", max)));

    public static ValidationFailure MinCount(string message) => new(ValidationCodes.MinCount, message, Arguments(("min", 1)));

    public static ValidationFailure NotFuture(string message = "may not be in the future.") => new(ValidationCodes.NotFuture, message);

    public static ValidationFailure NotPast(string message = "may not be in the past.") => new(ValidationCodes.NotPast, message);

    /// <summary>Not before <paramref name="other"/>: a field's name (from, startsOn) or what the message names.</summary>
    public static ValidationFailure NotBefore(string other, string? message = null) =>
        new(ValidationCodes.NotBefore, message ?? $"must not be before {other}.", Arguments(("other", other)));

    public static ValidationFailure After(string other, string? message = null) =>
        new(ValidationCodes.After, message ?? $"must be after {other}.", Arguments(("other", other)));

    /// <summary>A reference that names no record (or none of the caller's).</summary>
    public static ValidationFailure NotFound(string message) => new(ValidationCodes.NotFound, message);

    private static Dictionary<string, object?> Arguments(params (string Name, object? Value)[] args) =>
        args.ToDictionary(a => a.Name, a => a.Value, StringComparer.Ordinal);
}
