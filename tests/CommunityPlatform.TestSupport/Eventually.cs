namespace CommunityPlatform.TestSupport;

/// <summary>Polls until a condition holds, for effects that cross the broker asynchronously.</summary>
public static class Eventually
{
    public static async Task<T> ReturnsAsync<T>(Func<Task<T>> probe, Func<T, bool> until, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        var last = await probe();
        while (!until(last))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out after {timeout.TotalSeconds:0} s waiting for {what}; last value: {last}.");
            }

            await Task.Delay(200);
            last = await probe();
        }

        return last;
    }
}
