using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace GridCommand.Tests.Api;

/// <summary>
/// The whole web process (grains, SQLite in a temp file, API, hubs) in the test, simulation off unless a
/// test turns it on. <see cref="StartOnRealPort"/> serves on a loopback port for a real browser.
/// </summary>
public sealed class GridCommandApp : WebApplicationFactory<Program>
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    /// <summary>The key every test app signs with, so that several web nodes accept each other's tokens.</summary>
    public static readonly string SigningKey = Convert.ToBase64String(Enumerable.Range(100, 32).Select(i => (byte)i).ToArray());

    private readonly string _database = Path.Combine(Path.GetTempPath(), $"gridcommand-test-{Guid.NewGuid():N}.db");
    private readonly Dictionary<string, string?> _settings;

    public GridCommandApp(IDictionary<string, string?>? settings = null)
    {
        var ports = LoopbackPorts.Free(2);
        _settings = new Dictionary<string, string?>
        {
            ["Simulation:Enabled"] = "false",
            ["Storage:Provider"] = "sqlite",
            ["Storage:ConnectionString"] = $"Data Source={_database}",
            ["Cluster:SiloPort"] = ports[0].ToString(),
            ["Cluster:GatewayPort"] = ports[1].ToString(),
            ["Auth:DemoUsers"] = "true",
            ["Auth:SigningKey"] = SigningKey,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) _settings[key] = value;
    }

    /// <summary>The base address of the Kestrel server after <see cref="StartOnRealPort"/>.</summary>
    public Uri? RealAddress { get; private set; }

    public T Service<T>() where T : notnull => Services.GetRequiredService<T>();

    /// <summary>Serves on 127.0.0.1 with a free port (for Chromium), instead of the in-memory test server.</summary>
    public Uri StartOnRealPort()
    {
        UseKestrel(0);
        StartServer();
        RealAddress = new Uri(ClientOptions.BaseAddress.ToString().Replace("localhost", "127.0.0.1"));
        return RealAddress;
    }

    public async Task<HttpClient> StaffClient(string role)
    {
        var client = CreateClient();
        var login = await client.PostAsJsonAsync("/api/auth/login", new { username = role, password = role });
        login.EnsureSuccessStatusCode();
        var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public async Task<(HttpClient Client, string Token)> DeviceClient(string unitId, string deviceKey)
    {
        var client = CreateClient();
        var login = await client.PostAsJsonAsync("/api/auth/device", new { unitId, deviceKey });
        login.EnsureSuccessStatusCode();
        var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return (client, token);
    }

    /// <summary>A SignalR client: over the test server's WebSocket, or over TCP once <see cref="StartOnRealPort"/> was called.</summary>
    public HubConnection Hub(string path, string token) => new HubConnectionBuilder()
        .WithUrl(new Uri(RealAddress ?? Server.BaseAddress, path), o =>
        {
            o.AccessTokenProvider = () => Task.FromResult<string?>(token);
            if (RealAddress is not null) return;
            o.HttpMessageHandlerFactory = _ => Server.CreateHandler();
            o.WebSocketFactory = async (context, ct) =>
            {
                var ws = Server.CreateWebSocketClient();
                return await ws.ConnectAsync(context.Uri, ct);
            };
        })
        .AddJsonProtocol(o => o.PayloadSerializerOptions = Json)
        .Build();

    /// <summary>What the app logged at Information and above.</summary>
    public LogRecorder Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
        builder.ConfigureServices(services => services.AddSingleton<Microsoft.Extensions.Logging.ILoggerProvider>(Logs));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        foreach (var file in new[] { _database, _database + "-wal", _database + "-shm" })
            File.Delete(file);
    }
}
