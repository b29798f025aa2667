using System.Security.Claims;
using CommunityPlatform.Identity.Domain;
using CommunityPlatform.ServiceKit.Audit;
using CommunityPlatform.Identity.Infrastructure;
using CommunityPlatform.ServiceKit.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;

namespace CommunityPlatform.Identity.Apis;

/// <summary>The secretary's administration of people: accounts, roles and grids, every change audited.</summary>
public static class UsersApi
{
    public static IEndpointRouteBuilder MapUsersApi(this IEndpointRouteBuilder app)
    {
        var users = app.MapGroup("/api/identity/users").WithTags("Users")
            .RequireAuthorization(Extensions.Extensions.ManageUsers);

        users.MapGet("/", ListUsers).WithName("ListUsers").WithSummary("Every account with its roles, grids and lockout");
        users.MapPost("/", CreateUser).WithName("CreateUser").WithSummary("Create an account with roles and grids");
        users.MapPut("/{id:guid}/access", ChangeAccess).WithName("ChangeUserAccess").WithSummary("Replace an account's roles and grids");
        return app;
    }

    public static async Task<Ok<List<UserResponse>>> ListUsers(UserManager<CommunityUser> users, TimeProvider time)
    {
        var all = await users.Users.AsNoTracking().OrderBy(u => u.UserName).ToListAsync();
        var result = new List<UserResponse>(all.Count);
        foreach (var user in all)
        {
            result.Add(UserResponse.From(user, await users.GetRolesAsync(user), time));
        }

        return TypedResults.Ok(result);
    }

    public static async Task<Created<UserResponse>> CreateUser(
        CreateUserRequest request, UserManager<CommunityUser> users, AuditTrail audit, ClaimsPrincipal caller, TimeProvider time)
    {
        var validation = new Validation();
        validation.RequireText(request.UserName, "userName", 50);
        validation.RequireText(request.DisplayName, "displayName", 50);
        validation.RequireText(request.Password, "password", 128);
        var access = UserAccess.Create(request.Roles, request.Grids, validation);
        validation.ThrowIfInvalid();

        var user = new CommunityUser { UserName = request.UserName!.Trim(), DisplayName = request.DisplayName!.Trim(), GridCodes = [.. access.Grids] };
        var created = await users.CreateAsync(user, request.Password!);
        if (!created.Succeeded)
        {
            throw IdentityErrors(created);
        }

        await users.AddToRolesAsync(user, access.Roles);
        await audit.RecordAsync(AuditActions.UserCreated, ActorOf(caller), user.Id.ToString(), access.ToString());
        return TypedResults.Created($"/api/identity/users/{user.Id}", UserResponse.From(user, [.. access.Roles], time));
    }

    public static async Task<Results<Ok<UserResponse>, NotFound>> ChangeAccess(
        Guid id, ChangeAccessRequest request, UserManager<CommunityUser> users, TokenRevocation revocation, AuditTrail audit, ClaimsPrincipal caller,
        TimeProvider time)
    {
        var validation = new Validation();
        var access = UserAccess.Create(request.Roles, request.Grids, validation);
        validation.ThrowIfInvalid();
        var user = await users.FindByIdAsync(id.ToString());
        if (user is null)
        {
            return TypedResults.NotFound();
        }

        var before = new UserAccess([.. await users.GetRolesAsync(user)], user.GridCodes);
        await users.RemoveFromRolesAsync(user, before.Roles.Except(access.Roles));
        await users.AddToRolesAsync(user, access.Roles.Except(before.Roles));
        user.GridCodes = [.. access.Grids];
        await users.UpdateAsync(user);
        // No session renews the old access: the person signs in again and gets tokens with the new roles and grids.
        await revocation.RevokeAllAsync(user);
        await audit.RecordAsync(AuditActions.AccessChanged, ActorOf(caller), user.Id.ToString(), $"{before} -> {access}");
        return TypedResults.Ok(UserResponse.From(user, [.. access.Roles], time));
    }

    private static string ActorOf(ClaimsPrincipal caller) => caller.GetClaim(OpenIddictConstants.Claims.Subject) ?? "unknown";

    private static DomainValidationException IdentityErrors(IdentityResult result) => new(result.Errors
        .GroupBy(e => e.Code.Contains("Password", StringComparison.Ordinal) ? "password" : "userName")
        .ToDictionary(
            g => g.Key,
            g => (IReadOnlyList<ValidationFailure>)[.. g.Select(e => ValidationFailure.Of(ValidationCodes.Credentials, e.Description, new Dictionary<string, object?> { ["reason"] = e.Code }))]));
}

public sealed record CreateUserRequest(string? UserName, string? DisplayName, string? Password, List<string?>? Roles, List<string?>? Grids);

public sealed record ChangeAccessRequest(List<string?>? Roles, List<string?>? Grids);

public sealed record UserResponse(Guid Id, string UserName, string DisplayName, IReadOnlyList<string> Roles, IReadOnlyList<string> Grids, bool LockedOut)
{
    public static UserResponse From(CommunityUser user, IList<string> roles, TimeProvider time) =>
        new(user.Id, user.UserName ?? "", user.DisplayName, [.. roles.Order(StringComparer.Ordinal)], user.GridCodes,
            user.LockoutEnd is { } end && end > time.GetUtcNow());
}
