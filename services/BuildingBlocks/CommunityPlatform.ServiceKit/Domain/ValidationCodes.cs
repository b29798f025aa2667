namespace CommunityPlatform.ServiceKit.Domain;

/// <summary>
/// The stable codes of validation failures (a 400's <c>codes</c>, beside its English <c>errors</c>): a client
/// translates the code with its arguments and shows the English message only for a code it does not know. Every
/// code is listed here, so a test can hold the workbench's translations to the list.
/// </summary>
public static class ValidationCodes
{
    /// <summary>Missing or blank.</summary>
    public const string Required = "required";

    /// <summary>Text longer than <c>max</c> characters.</summary>
    public const string MaxLength = "max_length";

    /// <summary>Text of <c>min</c> to <c>max</c> characters.</summary>
    public const string Length = "length";

    /// <summary>An entry of a list blank or longer than <c>max</c> characters.</summary>
    public const string ItemLength = "item_length";

    /// <summary>Text holding control characters (<see cref="Domain.PlainText"/>).</summary>
    public const string PlainText = "plain_text";

    /// <summary>Not one of the codes (or labels) <c>allowed</c>.</summary>
    public const string OneOf = "one_of";

    /// <summary>Not written as <c>format</c> asks (yyyy-MM, an ISO 8601 instant, a code's characters …).</summary>
    public const string Format = "format";

    /// <summary>Not a mainland mobile number (11 digits starting with 1).</summary>
    public const string Phone = "phone";

    /// <summary>Not an 18-character resident ID number.</summary>
    public const string IdNumber = "id_number";

    /// <summary>A number outside <c>min</c>–<c>max</c>.</summary>
    public const string Range = "range";

    /// <summary>A number with more than <c>digits</c> decimals.</summary>
    public const string Precision = "precision";

    /// <summary>A list of other than <c>min</c> to <c>max</c> entries.</summary>
    public const string Count = "count";

    /// <summary>A list of more than <c>max</c> entries.</summary>
    public const string MaxCount = "max_count";

    /// <summary>An empty list that must name at least one.</summary>
    public const string MinCount = "min_count";

    /// <summary>A list naming one thing twice.</summary>
    public const string Duplicate = "duplicate";

    /// <summary>A day or instant after today (a record of what happened).</summary>
    public const string NotFuture = "not_future";

    /// <summary>A day or instant before today (a plan or a deadline).</summary>
    public const string NotPast = "not_past";

    /// <summary>A day or instant before <c>other</c> (a field, or what the message names).</summary>
    public const string NotBefore = "not_before";

    /// <summary>A day or instant not after <c>other</c>.</summary>
    public const string After = "after";

    /// <summary>A span of time longer than the rule allows (within 12 hours of the start, the last 90 days …).</summary>
    public const string MaxDuration = "max_duration";

    /// <summary>A birth date or join date that breaks an age rule (18 at joining, under 130).</summary>
    public const string Age = "age";

    /// <summary>A reference to a record that does not exist, or not among the caller's.</summary>
    public const string NotFound = "not_found";

    /// <summary>A value the record's state or kind does not allow (a note for a passed item, a campaign for another kind).</summary>
    public const string NotAllowed = "not_allowed";

    /// <summary>Two fields of which exactly one must be given, or that must name different people.</summary>
    public const string Conflicting = "conflicting";

    /// <summary>A JSON value of the wrong type, or a query or route value that does not parse.</summary>
    public const string WrongType = "wrong_type";

    /// <summary>A body that is not JSON.</summary>
    public const string InvalidJson = "invalid_json";

    /// <summary>An imported file that is not UTF-8 text or lacks columns.</summary>
    public const string FileFormat = "file_format";

    /// <summary>An import with <c>count</c> invalid rows, listed by line.</summary>
    public const string RowsInvalid = "rows_invalid";

    /// <summary>One line of an imported file (<c>line N</c>) breaking a rule its message names with the column.</summary>
    public const string RowInvalid = "row_invalid";

    /// <summary>A user name or password the identity store refuses (<c>reason</c>: its own code).</summary>
    public const string Credentials = "credentials";
}
