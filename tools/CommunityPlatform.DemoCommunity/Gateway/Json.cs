using System.Text.Json;

namespace CommunityPlatform.DemoCommunity.Gateway;

/// <summary>Reading the fields of an answer.</summary>
internal static class Json
{
    public static Guid Id(this JsonElement element) => element.GetProperty("id").GetGuid();

    public static string Str(this JsonElement element, string name) => element.GetProperty(name).GetString() ?? "";

    public static string? OptionalStr(this JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    public static Guid? OptionalGuid(this JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetGuid() : null;

    public static DateOnly Date(this JsonElement element, string name) => DateOnly.Parse(element.Str(name), System.Globalization.CultureInfo.InvariantCulture);

    public static DateTimeOffset Instant(this JsonElement element, string name) => element.GetProperty(name).GetDateTimeOffset();
}

/// <summary>Polls until a condition holds: for what reaches a service through the broker.</summary>
internal static class Eventually
{
    public static async Task<T> ReturnsAsync<T>(Func<Task<T>> probe, Func<T, bool> until, TimeSpan timeout, string what, CancellationToken cancellationToken)
    {
        var deadline = DateTimeOffset.UtcNow + timeout;
        var last = await probe();
        while (!until(last))
        {
            if (DateTimeOffset.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out after {timeout.TotalSeconds:0} s waiting for {what}.");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken);
            last = await probe();
        }

        return last;
    }
}
