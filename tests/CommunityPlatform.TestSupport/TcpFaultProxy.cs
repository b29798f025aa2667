using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace CommunityPlatform.TestSupport;

/// <summary>
/// A TCP relay between a service and a server (the broker) that injects network faults on command, because this
/// machine has neither <c>tc netem</c> nor toxiproxy: added latency on every chunk in both directions, connection
/// resets (RST, not a polite FIN), and a blocked period in which new connections are reset as they arrive.
/// </summary>
public sealed class TcpFaultProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly int _targetPort;
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<int, (Socket Client, Socket Server)> _connections = new();
    private readonly Task _accepting;
    private int _nextId;
    private long _latencyTicks;
    private volatile bool _blocked;
    private int _resets;

    public TcpFaultProxy(int targetPort)
    {
        _targetPort = targetPort;
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _accepting = AcceptAsync();
    }

    /// <summary>Where the service connects instead of the server.</summary>
    public int Port { get; }

    /// <summary>Added before each chunk is passed on, in each direction.</summary>
    public TimeSpan Latency
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref _latencyTicks));
        set => Interlocked.Exchange(ref _latencyTicks, value.Ticks);
    }

    /// <summary>While set, every new connection is reset as soon as it is accepted: the network is down.</summary>
    public bool Blocked
    {
        get => _blocked;
        set => _blocked = value;
    }

    /// <summary>Connections reset so far, by <see cref="ResetAll"/> or while blocked.</summary>
    public int Resets => Volatile.Read(ref _resets);

    /// <summary>Resets every open connection: both ends see ECONNRESET.</summary>
    public int ResetAll()
    {
        var count = 0;
        foreach (var id in _connections.Keys)
        {
            if (_connections.TryRemove(id, out var connection))
            {
                Reset(connection.Client);
                Reset(connection.Server);
                count++;
            }
        }

        Interlocked.Add(ref _resets, count);
        return count;
    }

    private async Task AcceptAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await _listener.AcceptSocketAsync(_stopping.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            _ = RelayAsync(client);
        }
    }

    private async Task RelayAsync(Socket client)
    {
        if (_blocked)
        {
            Interlocked.Increment(ref _resets);
            Reset(client);
            return;
        }

        var server = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        client.NoDelay = true;
        try
        {
            await server.ConnectAsync(IPAddress.Loopback, _targetPort, _stopping.Token);
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException)
        {
            Reset(client);
            server.Dispose();
            return;
        }

        var id = Interlocked.Increment(ref _nextId);
        _connections[id] = (client, server);
        await Task.WhenAll(PumpAsync(client, server), PumpAsync(server, client));
        if (_connections.TryRemove(id, out _))
        {
            client.Dispose();
            server.Dispose();
        }
    }

    private async Task PumpAsync(Socket from, Socket to)
    {
        var buffer = new byte[16 * 1024];
        try
        {
            while (true)
            {
                var read = await from.ReceiveAsync(buffer, SocketFlags.None, _stopping.Token);
                if (read == 0)
                {
                    to.Shutdown(SocketShutdown.Send);
                    return;
                }

                if (Latency is { Ticks: > 0 } latency)
                {
                    await Task.Delay(latency, _stopping.Token);
                }

                await to.SendAsync(buffer.AsMemory(0, read), SocketFlags.None, _stopping.Token);
            }
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException or OperationCanceledException)
        {
            // The other direction, a reset, or the proxy stopping ended this connection; the relay cleans up.
        }
    }

    private static void Reset(Socket socket)
    {
        try
        {
            // Linger on with a zero timeout makes close send RST instead of FIN.
            socket.LingerState = new LingerOption(true, 0);
            socket.Close();
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            // Already gone.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _listener.Stop();
        ResetAll();
        await _accepting;
        _stopping.Dispose();
    }
}
