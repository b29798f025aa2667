using System.Net;
using CommunityPlatform.Identity.Domain;
using CommunityPlatform.ServiceKit.Audit;
using CommunityPlatform.Identity.Infrastructure;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace CommunityPlatform.Identity.Apis;

/// <summary>The sign-in page the authorization endpoint sends people to (Chinese, phone-sized, no scripts).</summary>
public static class AccountApi
{
    public static IEndpointRouteBuilder MapAccountApi(this IEndpointRouteBuilder app)
    {
        var account = app.MapGroup("/account").ExcludeFromDescription();
        account.MapGet("/login", ShowLogin);
        account.MapPost("/login", LogIn);
        return app;
    }

    private static IResult ShowLogin(HttpContext http, IAntiforgery antiforgery, string? returnUrl) =>
        Page(http, antiforgery, LocalOrRoot(returnUrl), error: null);

    private static async Task<IResult> LogIn(
        HttpContext http, IAntiforgery antiforgery, SignInManager<CommunityUser> signIn, AuditTrail audit, [FromForm] LoginForm form)
    {
        var returnUrl = LocalOrRoot(form.ReturnUrl);
        var user = await signIn.UserManager.FindByNameAsync(form.UserName ?? "");
        var result = await signIn.PasswordSignInAsync(form.UserName ?? "", form.Password ?? "", isPersistent: false, lockoutOnFailure: true);
        var action = result.Succeeded ? AuditActions.SignIn : result.IsLockedOut ? AuditActions.SignInLockedOut : AuditActions.SignInFailed;
        await audit.RecordAsync(action, user?.Id.ToString() ?? form.UserName ?? "", null, "sign-in page");
        if (result.Succeeded)
        {
            return Results.LocalRedirect(returnUrl);
        }

        // One message whether the name is unknown, the password wrong or the account locked, so the page does not
        // tell a guesser which accounts exist; it still says that repeated failures lock an account.
        return Page(http, antiforgery, returnUrl, "用户名或密码错误。连续多次错误后账号将被暂时锁定15分钟。");
    }

    /// <summary>Only a path on this site: anything else would make the page an open redirect.</summary>
    private static string LocalOrRoot(string? url) =>
        url is { Length: > 0 } && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\')) ? url : "/";

    private static IResult Page(HttpContext http, IAntiforgery antiforgery, string returnUrl, string? error)
    {
        var tokens = antiforgery.GetAndStoreTokens(http);
        var message = error is null ? "" : $"<p class=\"error\" role=\"alert\">{WebUtility.HtmlEncode(error)}</p>";
        var html = $$"""
            <!DOCTYPE html>
            <html lang="zh-CN">
            <head>
              <meta charset="utf-8">
              <meta name="viewport" content="width=device-width, initial-scale=1">
              <title>登录 · 社区综合服务平台</title>
              <style>
                body { font-family: system-ui, "PingFang SC", "Microsoft YaHei", sans-serif; background: #f5f6f8; margin: 0; }
                main { max-width: 22rem; margin: 12vh auto; background: #fff; padding: 2rem; border-radius: .5rem; box-shadow: 0 1px 4px #0002; }
                h1 { font-size: 1.25rem; margin: 0 0 1.5rem; color: #b71c1c; }
                label { display: block; margin: 1rem 0 .25rem; }
                input { width: 100%; box-sizing: border-box; padding: .6rem; font-size: 1rem; border: 1px solid #ccc; border-radius: .25rem; }
                button { width: 100%; margin-top: 1.5rem; padding: .7rem; font-size: 1rem; background: #c62828; color: #fff; border: 0; border-radius: .25rem; }
                .error { color: #c62828; }
              </style>
            </head>
            <body>
              <main>
                <h1>社区综合服务平台</h1>
                {{message}}
                <form method="post" action="/account/login">
                  <input type="hidden" name="{{tokens.FormFieldName}}" value="{{WebUtility.HtmlEncode(tokens.RequestToken)}}">
                  <input type="hidden" name="returnUrl" value="{{WebUtility.HtmlEncode(returnUrl)}}">
                  <label for="userName">用户名</label>
                  <input id="userName" name="userName" autocomplete="username" required autofocus>
                  <label for="password">密码</label>
                  <input id="password" name="password" type="password" autocomplete="current-password" required>
                  <button type="submit">登录</button>
                </form>
              </main>
            </body>
            </html>
            """;
        return Results.Content(html, "text/html; charset=utf-8", statusCode: error is null ? 200 : 400);
    }

    /// <summary>Every field optional, so a tampered form is answered by the page, not by a binding error.</summary>
    public sealed class LoginForm
    {
        public string? UserName { get; init; }

        public string? Password { get; init; }

        public string? ReturnUrl { get; init; }
    }
}
