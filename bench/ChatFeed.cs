using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace GridCommand.Bench;

/// <summary>
/// The chat-group connector under load: posts messages from the seed's 11,772 groups at a steady rate during the run
/// (most of them chatter, some urgent, some service requests), each group in a cell of its own, and counts what the
/// server accepted. Run once with --chat-rate 0 to compare dispatch → phone without it.
/// </summary>
public sealed class ChatFeed
{
    public const int Groups = 11_772;
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(50);
    private static readonly string[] Texts =
    [
        "明天上午九点停水，请大家提前储水", "今晚广场舞改到八点", "谁家的快递放错门口了", "小区门口有人打架，快来人", "菜场有小偷，偷了我的钱包",
        "楼下有车乱停，堵门了", "3栋楼道里冒烟，像是着火了", "有个老人走失了，穿蓝色外套", "物业电话多少？", "Lost a cat near gate 2, please help",
    ];

    private readonly GridClient _client;
    private readonly string _token;
    private readonly string[] _cells;
    private long _accepted, _failed;

    private ChatFeed(GridClient client, string token, string[] cells) => (_client, _token, _cells) = (client, token, cells);

    public double PerSecond { get; private set; }

    public long Failed => Interlocked.Read(ref _failed);

    public static async Task<ChatFeed> StartAsync(GridClient client, string commander)
    {
        var token = (await client.Send(HttpMethod.Post, "/api/intake/connectors", commander, new { connectorId = "bench-connector" })).GetProperty("token").GetString()!;
        var cells = (await client.Send(HttpMethod.Get, "/api/cells", commander, null)).EnumerateArray().Select(c => c.GetProperty("id").GetString()!).ToArray();
        return new ChatFeed(client, token, cells);
    }

    /// <summary>Posts <paramref name="perSecond"/> messages a second, spread over 20 ticks, until stopped; waits for the last answers.</summary>
    public async Task PostUntil(int perSecond, CancellationToken stop)
    {
        if (perSecond <= 0) return;
        var clock = Stopwatch.StartNew();
        var sent = 0L;
        var inFlight = new List<Task>();
        var random = new Random(11);
        using var timer = new PeriodicTimer(Tick);
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                var due = (long)(clock.Elapsed.TotalSeconds * perSecond);
                for (; sent < due; sent++) inFlight.Add(PostOne(random.Next(Groups), random.Next(Texts.Length)));
                inFlight.RemoveAll(t => t.IsCompleted);
            }
        }
        catch (OperationCanceledException)
        {
        }
        await Task.WhenAll(inFlight);
        PerSecond = Interlocked.Read(ref _accepted) / clock.Elapsed.TotalSeconds;
    }

    private async Task PostOne(int group, int text)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/intake/messages")
        {
            Content = JsonContent.Create(new { groupId = $"wx-{group:D5}", cellId = _cells[group % _cells.Length], sender = "居民", text = Texts[text] }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _token);
        try
        {
            using var response = await _client.Http.SendAsync(request);
            Interlocked.Increment(ref response.StatusCode == HttpStatusCode.Accepted ? ref _accepted : ref _failed);
        }
        catch (HttpRequestException)
        {
            Interlocked.Increment(ref _failed);
        }
    }
}
