using System.Net;
using System.Net.Sockets;

namespace CommunityPlatform.TestSupport;

public static class Ports
{
    /// <summary>A port that is free on 127.0.0.1 right now.</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static async Task WaitUntilAcceptingAsync(int port, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(200);
            }
            catch (SocketException ex)
            {
                throw new TimeoutException($"{what} did not accept connections on port {port} within {timeout}.", ex);
            }
        }
    }
}
