using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommunityPlatform.ServiceKit.Domain;

namespace CommunityPlatform.Membership.FunctionalTests;

/// <summary>Small helpers the membership API tests share: unique codes, registering members, asserting problems.</summary>
internal static class MembershipApi
{
    /// <summary>Today on the community's calendar (UTC+8), as the service reckons it.</summary>
    public static DateOnly Today => CommunityTime.Today(TimeProvider.System);

    public static string UniqueCode(string prefix) => $"{prefix}-{Guid.NewGuid().ToString("N")[..6]}";

    public static async Task<Guid> RegisterMemberAsync(
        this HttpClient client, string name = "刘海燕", string organisationCode = MembershipApiFixture.Branch, string gridCode = "G02",
        DateOnly? birthDate = null, string education = "本科", string gender = "女")
    {
        var member = await client.PostOkAsync("/api/membership/members", new
        {
            name, gender, birthDate = birthDate ?? new DateOnly(1985, 5, 20), education, organisationCode, gridCode, phone = "13700001111",
        });
        return member.GetProperty("id").GetGuid();
    }
}
