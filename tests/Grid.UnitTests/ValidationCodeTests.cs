using System.Reflection;
using System.Text.Json;
using CommunityPlatform.ServiceKit.Domain;

namespace CommunityPlatform.Grid.UnitTests;

/// <summary>
/// A validation failure carries a stable code beside its English message, and the workbench translates every code
/// the services can send (web/Workbench.Web/wwwroot/i18n/zh-CN/common.json, <c>validation.codes</c>).
/// </summary>
public sealed class ValidationCodeTests
{
    [Fact]
    public void Each_failure_carries_its_code_and_arguments_in_the_order_of_the_messages()
    {
        var invalid = Assert.Throws<DomainValidationException>(() => new Validation()
            .RequireText(new string('长', 201), "title", 200)
            .RequireText(" ", "location", 100)
            .RequireDateNotAfter(new DateOnly(2099, 1, 1), "heldOn", new DateOnly(2026, 12, 8))
            .ThrowIfInvalid());

        var title = Assert.Single(invalid.Failures["title"]);
        Assert.Equal(ValidationCodes.MaxLength, title.Code);
        Assert.Equal(200, title.Args!["max"]);
        Assert.Equal(["must be at most 200 characters."], invalid.Errors["title"]);
        Assert.Equal(ValidationCodes.Required, Assert.Single(invalid.Failures["location"]).Code);
        Assert.Equal(ValidationCodes.NotFuture, Assert.Single(invalid.Failures["heldOn"]).Code);
        Assert.Equal(invalid.Errors["heldOn"], invalid.Failures["heldOn"].Select(f => f.Message));
    }

    [Fact]
    public void Every_code_the_services_send_has_a_chinese_text_in_the_workbench_and_every_text_a_code()
    {
        var codes = typeof(ValidationCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral)
            .Select(f => (string)f.GetRawConstantValue()!)
            .Order(StringComparer.Ordinal)
            .ToList();

        using var common = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryRoot(), "web", "Workbench.Web", "wwwroot", "i18n", "zh-CN", "common.json")));
        var texts = common.RootElement.GetProperty("validation").GetProperty("codes").EnumerateObject()
            .Where(p => p.Value.ValueKind == JsonValueKind.String && p.Value.GetString()!.Trim().Length > 0)
            .Select(p => p.Name)
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.NotEmpty(codes);
        Assert.Equal(codes, texts);
    }

    private static string RepositoryRoot()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "CommunityPlatform.sln")))
        {
            root = root.Parent;
        }

        return root?.FullName ?? throw new InvalidOperationException($"CommunityPlatform.sln was not found above {AppContext.BaseDirectory}.");
    }
}
