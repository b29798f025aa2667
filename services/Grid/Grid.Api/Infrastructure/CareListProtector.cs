using System.Text.Json;
using CommunityPlatform.Grid.Domain;
using Microsoft.AspNetCore.DataProtection;

namespace CommunityPlatform.Grid.Infrastructure;

/// <summary>
/// Seals the personal part of care records before they reach the database and opens it for an authorised,
/// audited read. Keys come from ASP.NET Core Data Protection, whose key ring lives outside the database
/// (<c>DataProtection:KeyDirectory</c>, itself encrypted with a certificate), so a copy of the database alone reveals nothing.
/// </summary>
public sealed class CareListProtector(IDataProtectionProvider provider)
{
    private readonly IDataProtector _protector = provider.CreateProtector("CommunityPlatform.Grid.CareList.v1");

    public string Seal(CareDetails details) => _protector.Protect(JsonSerializer.Serialize(details));

    public string Seal(string text) => _protector.Protect(text);

    public CareDetails OpenDetails(string sealedDetails) =>
        JsonSerializer.Deserialize<CareDetails>(_protector.Unprotect(sealedDetails)) ?? throw new InvalidOperationException("A sealed care record is empty.");

    public string Open(string sealedText) => _protector.Unprotect(sealedText);
}
