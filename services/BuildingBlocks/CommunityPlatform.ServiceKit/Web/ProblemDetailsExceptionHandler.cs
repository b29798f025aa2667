using System.Data.Common;
using System.Text.Json;
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
/// character), a lost concurrency or uniqueness race 409.
/// Anything else stays a 500 — a bug, not bad input.
/// </summary>
internal sealed partial class ProblemDetailsExceptionHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    private const string UniqueViolation = "23505";

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ProblemDetails? problem = exception switch
        {
            DomainValidationException invalid => new HttpValidationProblemDetails(invalid.Errors.ToDictionary())
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "The request is invalid.",
                Detail = invalid.Message,
            },
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
            var rule = json is ControlCharacterJsonException ? PlainText.Rule
                : atField ? "has a value of the wrong type or format."
                : "must be a valid JSON document.";
            return new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [rule] })
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "The request body could not be read.",
                Detail = "The body is not valid JSON for this request.",
            };
        }

        // Route and query values that do not parse (from=2026-13-01) or are missing: name the parameter as a field.
        if (BindingFailure().Match(bad.Message) is { Success: true } binding)
        {
            var name = binding.Groups["name"].Value;
            return new HttpValidationProblemDetails(new Dictionary<string, string[]>
            {
                [name] = [binding.Groups["value"].Success ? "has a value of the wrong type or format." : "is required."],
            })
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "The request could not be read.",
                Detail = bad.Message,
            };
        }

        return new ProblemDetails
        {
            Status = bad.StatusCode,
            Title = "The request could not be read.",
            Detail = bad.Message,
        };
    }

    [GeneratedRegex("""^(?:Failed to bind parameter "[^"]* (?<name>\w+)" from "(?<value>.*)"|Required parameter "[^"]* (?<name>\w+)" was not provided from [^.]*)\.$""", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex BindingFailure();
}
