using CommunityPlatform.ServiceKit.Domain;

namespace CommunityPlatform.Grid.Domain;

/// <summary>A small business (个体经营户) located in a grid.</summary>
public sealed class Business
{
    private Business()
    {
    }

    public Guid Id { get; private set; }

    public string GridCode { get; private set; } = "";

    public string Name { get; private set; } = "";

    /// <summary>What it does: 餐饮, 零售, 美容美发, 维修…</summary>
    public string Category { get; private set; } = "";

    public string Address { get; private set; } = "";

    /// <summary>The operator's name; personal data.</summary>
    public string? Operator { get; private set; }

    [Sealed]
    public string? Phone { get; private set; }

    public static Business Register(string gridCode, string? name, string? category, string? address, string? @operator, string? phone, DateTimeOffset now)
    {
        var validation = new Validation();
        validation.RequireText(name, "name", 100);
        validation.RequireText(category, "category", 50);
        validation.RequireText(address, "address", 200);
        validation.Require(@operator is null || @operator.Trim().Length <= 50, "operator", ValidationFailure.MaxLength(50));
        validation.Require(phone is null || ChinesePhone.IsValid(phone), "phone", ValidationFailure.Of(ValidationCodes.Phone, "must be a mainland mobile number of 11 digits starting with 1."));
        validation.ThrowIfInvalid();
        return new Business
        {
            Id = Guid.CreateVersion7(now), GridCode = gridCode, Name = name!.Trim(), Category = category!.Trim(), Address = address!.Trim(),
            Operator = string.IsNullOrWhiteSpace(@operator) ? null : @operator.Trim(), Phone = phone?.Trim(),
        };
    }
}

/// <summary>
/// A partner unit (共建单位) paired with the community or one grid, with the resources it offers — one of the four
/// lists (四张清单: what partners have).
/// </summary>
public sealed class PartnerUnit
{
    private PartnerUnit()
    {
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; } = "";

    /// <summary>The grid it is paired with; null when paired with the whole community.</summary>
    public string? GridCode { get; private set; }

    public string? Contact { get; private set; }

    public List<PartnerResource> Resources { get; private set; } = [];

    public static PartnerUnit Pair(string? name, string? gridCode, string? contact, IReadOnlyList<PartnerResource>? resources, DateTimeOffset now)
    {
        var validation = new Validation();
        validation.RequireText(name, "name", 100);
        validation.RequireMaxLength(contact?.Trim(), "contact", 100);
        validation.Require(resources is { Count: > 0 and <= 30 }, "resources", ValidationFailure.Count(1, 30, "must list between 1 and 30 resources the unit offers."));
        for (var i = 0; i < (resources?.Count ?? 0); i++)
        {
            validation.RequireOneOf(resources![i].Category, $"resources[{i}].category", NeedCategories.All);
            validation.RequireText(resources[i].Description, $"resources[{i}].description", 200);
        }

        validation.ThrowIfInvalid();
        return new PartnerUnit
        {
            Id = Guid.CreateVersion7(now), Name = name!.Trim(), GridCode = gridCode, Contact = contact?.Trim(),
            Resources = [.. resources!.Select(r => new PartnerResource(NeedCategories.Code(r.Category), r.Description.Trim()))],
        };
    }
}

/// <summary>A resource a partner unit offers, by the category of need it meets.</summary>
public sealed record PartnerResource(string Category, string Description);

/// <summary>
/// The categories in which needs, resources, wishes and actions are matched (the four lists): the same words on
/// every list, so a wish for 助老 finds the partners offering 助老.
/// </summary>
public static class NeedCategories
{
    public static readonly IReadOnlyDictionary<NeedCategory, string> All = new Dictionary<NeedCategory, string>
    {
        [NeedCategory.ElderlyCare] = "助老",
        [NeedCategory.ChildCare] = "助学",
        [NeedCategory.Medical] = "医疗健康",
        [NeedCategory.Repair] = "维修",
        [NeedCategory.Daily] = "生活物资",
        [NeedCategory.Legal] = "法律",
        [NeedCategory.Culture] = "文体",
        [NeedCategory.Environment] = "环境",
        [NeedCategory.Employment] = "就业",
        [NeedCategory.Other] = "其他",
    };

    /// <summary>The canonical code of a category given as code or label (already validated).</summary>
    public static string Code(string category)
    {
        var trimmed = category.Trim();
        return All.Single(kv => string.Equals(kv.Key.ToString(), trimmed, StringComparison.OrdinalIgnoreCase) || kv.Value == trimmed).Key.ToString();
    }
}

public enum NeedCategory
{
    ElderlyCare,
    ChildCare,
    Medical,
    Repair,
    Daily,
    Legal,
    Culture,
    Environment,
    Employment,
    Other,
}
