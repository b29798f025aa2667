namespace CommunityPlatform.ServiceKit.Domain;

/// <summary>
/// Marks a field that is sensitive personal information under PIPL (a phone number, an ID number, a health or
/// criminal category, what was said in a confidential talk): it is stored sealed, never in the clear, and can
/// therefore not be filtered or sorted on in the database.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class SealedAttribute : Attribute;
