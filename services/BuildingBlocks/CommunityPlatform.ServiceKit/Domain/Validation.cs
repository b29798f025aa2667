namespace CommunityPlatform.ServiceKit.Domain;

/// <summary>
/// Collects every field error of one request, so the caller learns all of them at once, then throws a
/// <see cref="DomainValidationException"/> if there were any. Field names are the API's (camelCase).
/// </summary>
public sealed class Validation
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool HasErrors => _errors.Count > 0;

    /// <summary>Every failed rule as "field: rule", for reports that gather many records' errors (an import's rows).</summary>
    public IEnumerable<string> Messages => _errors.SelectMany(e => e.Value.Select(rule => $"{e.Key}: {rule}"));

    public Validation Require(bool condition, string field, string rule)
    {
        if (!condition)
        {
            if (!_errors.TryGetValue(field, out var rules))
            {
                _errors[field] = rules = [];
            }

            // Two checks of one field may share a rule (text checked for control characters twice); say it once.
            if (!rules.Contains(rule))
            {
                rules.Add(rule);
            }
        }

        return this;
    }

    public Validation RequireText(string? value, string field, int maxLength) =>
        string.IsNullOrWhiteSpace(value)
            ? Require(false, field, "is required and may not be blank.")
            : Require(value.Trim().Length <= maxLength, field, $"must be at most {maxLength} characters.").RequirePlainText(value, field);

    /// <summary>Text, if given, holds no control characters but tab and line breaks (<see cref="PlainText"/>).</summary>
    public Validation RequirePlainText(string? value, string field) =>
        Require(value is null || !PlainText.HasControlCharacters(value), field, PlainText.Rule);

    /// <summary>A date that must be given and may not lie after <paramref name="latest"/> (usually today: a record of what happened).</summary>
    public Validation RequireDateNotAfter(DateOnly? value, string field, DateOnly latest) =>
        value is null
            ? Require(false, field, "is required (yyyy-MM-dd).")
            : Require(value <= latest, field, "may not be in the future.");

    /// <summary>Photo references (ids or URLs of files the client uploaded elsewhere): at most 10, none blank or over 300 characters.</summary>
    public Validation RequirePhotoReferences(IReadOnlyList<string>? photos, string field) =>
        Require(photos is null || photos.Count <= 10, field, "must list at most 10 photo references.")
            .Require(photos is null || photos.All(p => !string.IsNullOrWhiteSpace(p) && p.Length <= 300), field, "references must be non-blank and at most 300 characters each.")
            .Require(photos is null || photos.All(p => p is null || !PlainText.HasControlCharacters(p)), field, PlainText.Rule);

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

        var allowed = string.Join(", ", labels.Select(kv => $"{kv.Key} ({kv.Value})"));
        Require(false, field, $"must be one of: {allowed}.");
        return null;
    }

    public void ThrowIfInvalid()
    {
        if (_errors.Count > 0)
        {
            throw new DomainValidationException(_errors.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray()));
        }
    }
}
