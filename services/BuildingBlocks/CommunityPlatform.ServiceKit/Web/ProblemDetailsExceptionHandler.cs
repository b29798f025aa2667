using System.Data.Common;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using CommunityPlatform.ServiceKit.Domain;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CommunityPlatform.ServiceKit.Web;

/// <summary>
/// Turns the exceptions a request can legitimately cause into RFC 9457 problem details: domain validation 400,
/// domain rule 409, unreadable body 400 (naming the JSON path that failed, and the rule when a string held a control
/// character), a lost concurrency or uniqueness race 409. Every 400 with field errors carries, beside each field's
/// English <c>errors</c>, the same failures' <c>codes</c> in the same order: <c>{ field: [{ code, args }] }</c>.
/// Anything else stays a 500 — a bug, not bad input.
/// </summary>
internal sealed partial class ProblemDetailsExceptionHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    private const string UniqueViolation = "23505";

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ProblemDetails? problem = exception switch
        {
            DomainValidationException invalid => Invalid(invalid.Failures, "The request is invalid.", invalid.Message),
            DomainRuleViolationException rule => RuleViolation(rule),
            BadHttpRequestException bad => UnreadableRequest(bad),
            DbUpdateConcurrencyException => new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict,
                Title = "The record was changed by someone else.",
                Detail = "Reload it and apply your change again.",
                Extensions = { ["rule"] = "concurrency" },
            },
            DbUpdateException { InnerException: DbException { SqlState: UniqueViolation } } => new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict,
                Title = "The record already exists.",
                Detail = "Another request created the same record first.",
                Extensions = { ["rule"] = "unique" },
            },
            _ => null,
        };

        if (problem is null)
        {
            return false;
        }

        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    private static ProblemDetails RuleViolation(DomainRuleViolationException rule)
    {
        var problem = new ProblemDetails
        {
            Status = StatusCodes.Status409Conflict,
            Title = "The request conflicts with a rule.",
            Detail = rule.Message,
            Extensions = { ["rule"] = rule.Rule },
        };
        foreach (var (key, value) in rule.Details)
        {
            problem.Extensions[key] = value;
        }

        return problem;
    }

    private static ProblemDetails UnreadableRequest(BadHttpRequestException bad)
    {
        if (bad.InnerException is JsonException json)
        {
            var atField = json.Path is { Length: > 2 };
            var field = atField ? json.Path!.TrimStart('$', '.') : "body";
            var failure = json is ControlCharacterJsonException ? ValidationFailure.PlainText()
                : atField ? WrongType
                : ValidationFailure.Of(ValidationCodes.InvalidJson, "must be a valid JSON document.");
            return Invalid(One(field, failure), "The request body could not be read.", "The body is not valid JSON for this request.");
        }

        // Route and query values that do not parse (from=2026-13-01) or are missing: name the parameter as a field.
        if (BindingFailure().Match(bad.Message) is { Success: true } binding)
        {
            var failure = binding.Groups["value"].Success ? WrongType : ValidationFailure.Required();
            return Invalid(One(binding.Groups["name"].Value, failure), "The request could not be read.", bad.Message);
        }

        return new ProblemDetails
        {
            Status = bad.StatusCode,
            Title = "The request could not be read.",
            Detail = bad.Message,
        };
    }

    private static readonly ValidationFailure WrongType = ValidationFailure.Of(ValidationCodes.WrongType, "has a value of the wrong type or format.");

    private static Dictionary<string, IReadOnlyList<ValidationFailure>> One(string field, ValidationFailure failure) => new() { [field] = [failure] };

    private static HttpValidationProblemDetails Invalid(IReadOnlyDictionary<string, IReadOnlyList<ValidationFailure>> failures, string title, string detail) =>
        new(failures.ToDictionary(kv => kv.Key, kv => kv.Value.Select(f => f.Message).ToArray()))
        {
            Status = StatusCodes.Status400BadRequest,
            Title = title,
            Detail = detail,
            Extensions = { ["codes"] = failures.ToDictionary(kv => kv.Key, kv => kv.Value.Select(f => new FailureCode(f.Code, f.Args)).ToArray()) },
        };

    /// <summary>A failure as a client translates it: <c>{ "code": "max_length", "args": { "max": 200 } }</c>.</summary>
    private sealed record FailureCode(
        string Code,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyDictionary<string, object?>? Args);

    [GeneratedRegex("""^(?:Failed to bind parameter "[^"]* (?<name>\w+)" from "(?<value>.*)"|Required parameter "[^"]* (?<name>\w+)" was not provided from [^.]*)\.$""", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex BindingFailure();
}
