using System.Net.Sockets;
using System.Text;

namespace GridCommand.Tests.Hostile;

/// <summary>
/// Bytes that are not HTTP, or only nearly, sent straight to the server's port: what Kestrel turns away itself before
/// any of our code runs (a bad request line or header, a header too large, contradictory lengths, TLS on a plain port).
/// </summary>
public static class HostileWire
{
    private static readonly string[] Messages =
    [
        "GARBAGE\r\n\r\n",
        "GET / HTTP/1.1\r\n\r\n",
        "GET /api/units HTTP/9.9\r\nHost: x\r\n\r\n",
        "GET /\0 HTTP/1.1\r\nHost: x\r\n\r\n",
        "GET / HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n",
        "GET / HTTP/1.1\r\nHost: x\r\nX-Pad: " + new string('h', 40_000) + "\r\n\r\n",
        "GET /" + new string('p', 10_000) + " HTTP/1.1\r\nHost: x\r\n\r\n",
        "GET /%%%%zz HTTP/1.1\r\nHost: x\r\n\r\n",
        "POST /api/incidents HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n",
        "POST /api/incidents HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nContent-Length: 7\r\n\r\nhello",
        "POST /api/incidents HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
        "POST /api/incidents HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nContent-Type: application/json\r\n\r\nzz\r\n{}\r\n0\r\n\r\n",
        "\u0016\u0003\u0001\u0000\u00a5\u0001\u0000\u00a1\u0003\u0003",
    ];

    /// <summary>Sends one message on a new connection; returns a description of a server error, or null.</summary>
    public static async Task<string?> Send(Uri server, Random random)
    {
        var message = Messages[random.Next(Messages.Length)];
        using var client = new TcpClient();
        await client.ConnectAsync(server.Host, server.Port);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.Latin1.GetBytes(message));
        client.Client.Shutdown(SocketShutdown.Send);
        var answer = new byte[64];
        int read;
        try
        {
            read = await stream.ReadAsync(answer).AsTask().WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (Exception e) when (e is IOException or TimeoutException)
        {
            return null; // the connection closed or the server still waits for more: nothing was answered, nothing failed
        }
        // 505 is HTTP's own refusal of a version it does not speak (HTTP/9.9), not a failure of the server.
        var status = Encoding.Latin1.GetString(answer, 0, read);
        return status.StartsWith("HTTP/1.1 5", StringComparison.Ordinal) && !status.StartsWith("HTTP/1.1 505", StringComparison.Ordinal)
            ? $"raw {Printable(message)}: {Printable(status)}" : null;
    }

    private static string Printable(string text) => new(text.Take(60).Select(c => char.IsControl(c) ? '·' : c).ToArray());
}
