using CommunityPlatform.ServiceKit.Domain;

namespace CommunityPlatform.Grid.UnitTests;

/// <summary>ServiceKit's one rule for text from outside, as every service's domain code meets it through <see cref="Validation"/>.</summary>
public sealed class ControlCharacterTests
{
    [Theory]
    [InlineData("楼道\0堆物")]
    [InlineData("\u0001")]
    [InlineData("响铃\u0007")]
    [InlineData("退格\b")]
    [InlineData("垂直\v制表")]
    [InlineData("换页\f")]
    [InlineData("\u001b[31m红字")]
    [InlineData("删除\u007f")]
    [InlineData("下一行\u0085")]
    [InlineData("\u009f")]
    public void Text_with_a_control_character_is_refused_naming_the_field(string text)
    {
        var invalid = Assert.Throws<DomainValidationException>(() => new Validation().RequireText(text, "description", 2000).ThrowIfInvalid());

        Assert.Equal(["must not contain control characters."], invalid.Errors["description"]);
    }

    [Theory]
    [InlineData("第一行\n第二行")]
    [InlineData("第一行\r\n第二行")]
    [InlineData("名称\t备注")]
    [InlineData("不间断\u00a0空格")]
    [InlineData("幸福小区3栋2单元")]
    public void Tabs_line_breaks_and_ordinary_text_pass(string text)
    {
        Assert.False(new Validation().RequireText(text, "description", 2000).HasErrors);
    }

    [Fact]
    public void The_same_rule_broken_twice_on_a_field_is_reported_once()
    {
        var invalid = Assert.Throws<DomainValidationException>(() => new Validation()
            .RequireText("\0", "name", 50)
            .RequirePlainText("\0", "name")
            .ThrowIfInvalid());

        Assert.Equal(["must not contain control characters."], invalid.Errors["name"]);
    }

    [Fact]
    public void The_rule_checks_optional_text_too_and_lets_a_missing_value_pass()
    {
        Assert.False(new Validation().RequirePlainText(null, "unit").HasErrors);
        Assert.True(new Validation().RequirePlainText("1\u0000单元", "unit").HasErrors);
        Assert.True(PlainText.HasControlCharacters("a\u0000"));
        Assert.False(PlainText.HasControlCharacters("a\r\n\tb"));
    }
}
