using System.Net;
using System.Net.Sockets;

namespace GridCommand.Tests;

public static class LoopbackPorts
{
    /// <summary>Free TCP ports on 127.0.0.1, found by binding port 0 (all held at once so they differ).</summary>
    public static int[] Free(int count)
    {
        var listeners = Enumerable.Range(0, count).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToList();
        try
        {
            listeners.ForEach(l => l.Start());
            return listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port).ToArray();
        }
        finally
        {
            listeners.ForEach(l => l.Stop());
        }
    }
}
