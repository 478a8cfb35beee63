using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace GridCommand.Bench;

/// <summary>The public API as a user's client calls it: one pooled HTTP client, tokens per request.</summary>
public sealed class GridClient(Uri baseUrl, int connections) : IDisposable
{
    public HttpClient Http { get; } = new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = connections,
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
    })
    { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(60) };

    public Uri BaseUrl => baseUrl;

    public async Task<string> Login(string user, string password) =>
        (await Send(HttpMethod.Post, "/api/auth/login", null, new { username = user, password })).GetProperty("token").GetString()!;

    public async Task<JsonElement> Send(HttpMethod method, string path, string? token, object? body)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new HttpRequestException($"{method} {path}: {(int)response.StatusCode} {text}", null, response.StatusCode);
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    public void Dispose() => Http.Dispose();
}
