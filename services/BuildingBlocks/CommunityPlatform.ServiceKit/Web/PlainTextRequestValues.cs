using CommunityPlatform.ServiceKit.Domain;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace CommunityPlatform.ServiceKit.Web;

/// <summary>
/// What minimal APIs bind from outside the JSON body (query-string values, route values, form fields) meets
/// <see cref="PlainText"/> before any endpoint runs, answered 400 naming the parameter: a filter such as <c>?q=%00</c>
/// would otherwise reach PostgreSQL, which refuses U+0000 with a 500.
/// </summary>
internal static class PlainTextRequestValues
{
    public static IApplicationBuilder UsePlainTextRequestValues(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var validation = new Validation();
        Check(validation, "query", context.Request.Query);
        foreach (var (name, value) in context.Request.RouteValues)
        {
            validation.RequirePlainText(value as string, name);
        }

        if (context.Request.HasFormContentType)
        {
            Check(validation, "form", await ReadFormAsync(context.Request));
        }

        validation.ThrowIfInvalid();
        await next(context);
    });

    private static void Check(Validation validation, string source, IEnumerable<KeyValuePair<string, StringValues>> values)
    {
        foreach (var (name, texts) in values)
        {
            // A name that is itself garbled cannot name the field; the source does.
            validation.RequirePlainText(name, source);
            foreach (var text in texts)
            {
                validation.RequirePlainText(text, PlainText.HasControlCharacters(name) ? source : name);
            }
        }
    }

    /// <summary>The form, read once (binding reuses it); a malformed one is bad input, as form binding would say.</summary>
    private static async Task<IFormCollection> ReadFormAsync(HttpRequest request)
    {
        try
        {
            return await request.ReadFormAsync(request.HttpContext.RequestAborted);
        }
        catch (InvalidDataException unreadable)
        {
            throw new BadHttpRequestException("The request body is not a readable form.", StatusCodes.Status400BadRequest, unreadable);
        }
    }
}
