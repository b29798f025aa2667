namespace CommunityPlatform.ServiceKit.Domain;

/// <summary>A request that breaks a domain rule; the API answers with a problem-details document.</summary>
public abstract class DomainException(string message) : Exception(message);

/// <summary>Input that is invalid on its face (answered 400), with the failing rule per field.</summary>
public sealed class DomainValidationException(IReadOnlyDictionary<string, IReadOnlyList<ValidationFailure>> failures)
    : DomainException("One or more fields are invalid.")
{
    /// <summary>Each field's failures, in the order they were found.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<ValidationFailure>> Failures { get; } = failures;

    /// <summary>Each field's English messages (the problem's <c>errors</c>).</summary>
    public IReadOnlyDictionary<string, string[]> Errors { get; } =
        failures.ToDictionary(kv => kv.Key, kv => kv.Value.Select(f => f.Message).ToArray(), StringComparer.Ordinal);

    /// <summary>One field breaking one rule, e.g. a reference to a record that does not exist.</summary>
    public static DomainValidationException For(string field, ValidationFailure failure) =>
        new(new Dictionary<string, IReadOnlyList<ValidationFailure>> { [field] = [failure] });
}

/// <summary>
/// A valid request that the current state forbids, such as a state-machine transition (answered 409). The rule
/// is a stable code clients can act on; the message says what to do; <paramref name="details"/> carries values a
/// client needs to act on it, such as the earliest date the step is allowed.
/// </summary>
public sealed class DomainRuleViolationException(string rule, string message, IReadOnlyDictionary<string, object?>? details = null)
    : DomainException(message)
{
    public string Rule { get; } = rule;

    public IReadOnlyDictionary<string, object?> Details { get; } = details ?? new Dictionary<string, object?>();
}
