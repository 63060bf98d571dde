using System.Net;
using System.Net.Sockets;

namespace QualityMonth.Tests.Deploy;

/// <summary>Ports on 127.0.0.1 for the servers the deploy tests start (sshd, nginx).</summary>
public static class Loopback
{
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Waits until <paramref name="server"/> accepts connections on <paramref name="port"/>.</summary>
    public static void WaitForListener(Command server, int port, string name)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!Accepts(port))
        {
            if (server.HasExited) throw new InvalidOperationException($"{name} did not start:\n{server.Output}");
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"{name} did not listen on {port}:\n{server.Output}");
            Thread.Sleep(100);
        }
    }

    private static bool Accepts(int port)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
