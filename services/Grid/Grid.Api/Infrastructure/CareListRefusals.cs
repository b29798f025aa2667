using CommunityPlatform.Grid.Apis;
using CommunityPlatform.ServiceKit.Audit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace CommunityPlatform.Grid.Infrastructure;

/// <summary>
/// A signed-in caller whose role may not read the care list is refused by the policy before any endpoint code runs;
/// this puts that attempt on the audit trail too (who, which record, the reason they gave), then answers as usual.
/// </summary>
public sealed class CareListRefusals : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Forbidden && context.GetEndpoint()?.Metadata.GetMetadata<AuditedCareListRead>() is not null)
        {
            var reason = context.Request.Query["reason"].ToString().Trim();
            await context.RequestServices.GetRequiredService<AuditTrail>().RecordAsync(
                CareListApi.RefusedReadAction, context.User, context.Request.RouteValues["id"]?.ToString(), reason.Length > 0 ? reason : null, context.RequestAborted);
        }

        await _default.HandleAsync(next, context, policy, authorizeResult);
    }
}
