using System.Net.Sockets;
using System.Text;

namespace GridCommand.Bench;

/// <summary>
/// One keep-alive HTTP/1.1 connection that sends a request and reads its answer, and nothing more: a load generator
/// as lean as wrk, so on a machine the server shares, the benchmark measures the server rather than its own client.
/// </summary>
public sealed class RawHttpConnection : IDisposable
{
    private readonly TcpClient _tcp = new() { NoDelay = true };
    private readonly string _host;
    private NetworkStream _stream = null!;
    private readonly byte[] _buffer = new byte[16 * 1024];
    private int _start, _end;

    private RawHttpConnection(Uri baseUrl) => _host = baseUrl.Authority;

    public static async Task<RawHttpConnection> OpenAsync(Uri baseUrl)
    {
        var connection = new RawHttpConnection(baseUrl);
        await connection._tcp.ConnectAsync(baseUrl.Host, baseUrl.Port);
        connection._stream = connection._tcp.GetStream();
        return connection;
    }

    /// <returns>the response's status code.</returns>
    public async Task<int> SendAsync(string method, string path, string token, string? json = null)
    {
        var request = new StringBuilder(512)
            .Append(method).Append(' ').Append(path).Append(" HTTP/1.1\r\nHost: ").Append(_host)
            .Append("\r\nAuthorization: Bearer ").Append(token).Append("\r\n");
        if (json is not null)
            request.Append("Content-Type: application/json\r\nContent-Length: ").Append(Encoding.UTF8.GetByteCount(json)).Append("\r\n\r\n").Append(json);
        else
            request.Append("\r\n");
        await _stream.WriteAsync(Encoding.UTF8.GetBytes(request.ToString()));
        return await ReadResponseAsync();
    }

    /// <summary>Reads one response: the status line and headers, then its body (by Content-Length, or chunked).</summary>
    private async Task<int> ReadResponseAsync()
    {
        var head = await ReadUntilAsync("\r\n\r\n"u8.ToArray());
        var status = int.Parse(head.AsSpan(9, 3));
        var length = 0;
        var chunked = false;
        foreach (var line in head.Split("\r\n"))
        {
            if (line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase)) length = int.Parse(line.AsSpan(15).Trim());
            if (line.StartsWith("Transfer-Encoding:", StringComparison.OrdinalIgnoreCase) && line.Contains("chunked")) chunked = true;
        }
        if (!chunked)
        {
            await SkipAsync(length);
            return status;
        }
        while (Convert.ToInt32((await ReadUntilAsync("\r\n"u8.ToArray())).Split(';')[0], 16) is var size and > 0) await SkipAsync(size + 2);
        await ReadUntilAsync("\r\n"u8.ToArray()); // the empty trailer
        return status;
    }

    /// <summary>The text up to <paramref name="end"/>, which is consumed too.</summary>
    private async Task<string> ReadUntilAsync(byte[] end)
    {
        int at;
        while ((at = _buffer.AsSpan(_start, _end - _start).IndexOf(end)) < 0) await FillAsync();
        var text = Encoding.ASCII.GetString(_buffer, _start, at);
        _start += at + end.Length;
        return text;
    }

    private async Task SkipAsync(int count)
    {
        while (_end - _start < count)
        {
            count -= _end - _start;
            _start = _end;
            await FillAsync();
        }
        _start += count;
    }

    private async Task FillAsync()
    {
        if (_start > 0)
        {
            Array.Copy(_buffer, _start, _buffer, 0, _end - _start);
            (_end, _start) = (_end - _start, 0);
        }
        if (_end == _buffer.Length) throw new InvalidOperationException("A response header larger than the buffer.");
        var read = await _stream.ReadAsync(_buffer.AsMemory(_end));
        if (read == 0) throw new IOException("The server closed the connection.");
        _end += read;
    }

    public void Dispose() => _tcp.Dispose();
}
