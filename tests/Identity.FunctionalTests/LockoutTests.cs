using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CommunityPlatform.Identity.FunctionalTests;

/// <summary>
/// A lockout must not tell a guesser which user names exist: a real account locked by failed sign-ins and a
/// made-up name tried as often get the same answer, on the sign-in page and at the token endpoint.
/// </summary>
[Collection(IdentityApiCollection.Name)]
public sealed partial class LockoutTests(IdentityApiFixture fixture)
{
    private const int Attempts = 5;

    [Fact]
    public async Task The_token_endpoint_answers_a_locked_account_as_it_answers_a_made_up_one()
    {
        var (_, real) = await Accounts.CreateAsync(fixture, ["resident"]);
        var madeUp = "nobody-" + Guid.NewGuid().ToString("N")[..8];
        for (var i = 0; i < Attempts; i++)
        {
            await Tokens.PasswordAsync(fixture.Anonymous, real, "wrong-password-" + i);
            await Tokens.PasswordAsync(fixture.Anonymous, madeUp, "wrong-password-" + i);
        }

        // The right password now: the real account is locked, so it is refused too — but not differently.
        var locked = await Tokens.PasswordAsync(fixture.Anonymous, real, Accounts.Password);
        var unknown = await Tokens.PasswordAsync(fixture.Anonymous, madeUp, Accounts.Password);

        Assert.Equal(HttpStatusCode.BadRequest, locked.StatusCode);
        Assert.Equal(unknown.StatusCode, locked.StatusCode);
        var lockedError = await Tokens.JsonAsync(locked);
        var unknownError = await Tokens.JsonAsync(unknown);
        Assert.Equal(unknownError.GetProperty("error").GetString(), lockedError.GetProperty("error").GetString());
        Assert.Equal(unknownError.GetProperty("error_description").GetString(), lockedError.GetProperty("error_description").GetString());
    }

    [Fact]
    public async Task The_sign_in_page_answers_a_locked_account_as_it_answers_a_made_up_one()
    {
        var (_, real) = await Accounts.CreateAsync(fixture, ["resident"]);
        var madeUp = "nobody-" + Guid.NewGuid().ToString("N")[..8];
        var browser = fixture.App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var antiforgery = AntiforgeryField().Match(await (await browser.GetAsync("/account/login")).Content.ReadAsStringAsync());

        Task<HttpResponseMessage> SignInAsync(string userName, string password) => browser.PostAsync("/account/login",
            new FormUrlEncodedContent(new Dictionary<string, string>
            {
                [antiforgery.Groups["name"].Value] = antiforgery.Groups["value"].Value,
                ["userName"] = userName,
                ["password"] = password,
            }));

        for (var i = 0; i < Attempts; i++)
        {
            await SignInAsync(real, "wrong-password-" + i);
            await SignInAsync(madeUp, "wrong-password-" + i);
        }

        var locked = await SignInAsync(real, Accounts.Password);
        var unknown = await SignInAsync(madeUp, Accounts.Password);

        Assert.Equal(HttpStatusCode.BadRequest, locked.StatusCode);
        Assert.Equal(unknown.StatusCode, locked.StatusCode);
        var lockedMessage = ErrorMessage().Match(await locked.Content.ReadAsStringAsync());
        Assert.True(lockedMessage.Success);
        Assert.Equal(ErrorMessage().Match(await unknown.Content.ReadAsStringAsync()).Value, lockedMessage.Value);
    }

    [GeneratedRegex("name=\"(?<name>__RequestVerificationToken[^\"]*)\" value=\"(?<value>[^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    [GeneratedRegex("<p class=\"error\"[^>]*>[^<]*</p>")]
    private static partial Regex ErrorMessage();
}
