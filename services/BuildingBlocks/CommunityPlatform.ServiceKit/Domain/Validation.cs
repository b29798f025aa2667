namespace CommunityPlatform.ServiceKit.Domain;

/// <summary>
/// Collects every field error of one request, so the caller learns all of them at once, then throws a
/// <see cref="DomainValidationException"/> if there were any. Field names are the API's (camelCase).
/// </summary>
public sealed class Validation
{
    private readonly Dictionary<string, List<ValidationFailure>> _errors = new(StringComparer.Ordinal);

    public bool HasErrors => _errors.Count > 0;

    /// <summary>Every failed rule as "field: message", for reports that gather many records' errors (an import's rows).</summary>
    public IEnumerable<string> Messages => _errors.SelectMany(e => e.Value.Select(failure => $"{e.Key}: {failure.Message}"));

    public Validation Require(bool condition, string field, ValidationFailure failure)
    {
        if (!condition)
        {
            if (!_errors.TryGetValue(field, out var failures))
            {
                _errors[field] = failures = [];
            }

            // Two checks of one field may share a rule (text checked for control characters twice); say it once.
            if (!failures.Exists(f => f.Message == failure.Message))
            {
                failures.Add(failure);
            }
        }

        return this;
    }

    public Validation RequireText(string? value, string field, int maxLength) =>
        string.IsNullOrWhiteSpace(value)
            ? Require(false, field, ValidationFailure.Required("is required and may not be blank."))
            : RequireMaxLength(value.Trim(), field, maxLength).RequirePlainText(value, field);

    /// <summary>Text, if given, of at most <paramref name="maxLength"/> characters (as given: trim first where blanks do not count).</summary>
    public Validation RequireMaxLength(string? value, string field, int maxLength) =>
        Require(value is null || value.Length <= maxLength, field, ValidationFailure.MaxLength(maxLength));

    /// <summary>A number, if given, from <paramref name="min"/> to <paramref name="max"/> (both included).</summary>
    public Validation RequireRange<T>(T? value, string field, T min, T max, string? message = null)
        where T : struct, IComparable<T> =>
        Require(value is null || (value.Value.CompareTo(min) >= 0 && value.Value.CompareTo(max) <= 0), field, ValidationFailure.Range(min, max, message));

    /// <summary>A value that must be given.</summary>
    public Validation RequireGiven(object? value, string field, string message = "is required.") =>
        Require(value is not null, field, ValidationFailure.Required(message));

    /// <summary>Text, if given, holds no control characters but tab and line breaks (<see cref="PlainText"/>).</summary>
    public Validation RequirePlainText(string? value, string field) =>
        Require(value is null || !PlainText.HasControlCharacters(value), field, ValidationFailure.PlainText());

    /// <summary>A date that must be given and may not lie after <paramref name="latest"/> (usually today: a record of what happened).</summary>
    public Validation RequireDateNotAfter(DateOnly? value, string field, DateOnly latest) =>
        value is null
            ? Require(false, field, ValidationFailure.Required("is required (yyyy-MM-dd)."))
            : Require(value <= latest, field, ValidationFailure.NotFuture());

    /// <summary>Photo references (ids or URLs of files the client uploaded elsewhere): at most 10, none blank or over 300 characters.</summary>
    public Validation RequirePhotoReferences(IReadOnlyList<string>? photos, string field) =>
        Require(photos is null || photos.Count <= 10, field, ValidationFailure.MaxCount(10, "must list at most 10 photo references."))
            .Require(photos is null || photos.All(p => !string.IsNullOrWhiteSpace(p) && p.Length <= 300), field,
                ValidationFailure.ItemLength(300, "references must be non-blank and at most 300 characters each."))
            .Require(photos is null || photos.All(p => p is null || !PlainText.HasControlCharacters(p)), field, ValidationFailure.PlainText());

    /// <summary>Parses a value of <typeparamref name="TEnum"/> by its code (case-insensitive) or one of its labels.</summary>
    public TEnum? RequireOneOf<TEnum>(string? value, string field, IReadOnlyDictionary<TEnum, string> labels)
        where TEnum : struct, Enum
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            var trimmed = value.Trim();
            foreach (var (code, label) in labels)
            {
                if (string.Equals(code.ToString(), trimmed, StringComparison.OrdinalIgnoreCase) || label == trimmed)
                {
                    return code;
                }
            }
        }

        Require(false, field, ValidationFailure.OneOf(string.Join(", ", labels.Select(kv => $"{kv.Key} ({kv.Value})"))));
        return null;
    }

    public void ThrowIfInvalid()
    {
        if (_errors.Count > 0)
        {
            throw new DomainValidationException(_errors.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<ValidationFailure>)kv.Value));
        }
    }
}
