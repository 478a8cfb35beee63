using System.Net.Http;
using GridCommand.Tests.Api;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace GridCommand.Tests.Hostile;

/// <summary>
/// Junk on the hubs: connecting with any of <see cref="HostileTokens"/>, and a phone invoking its hub's methods, and
/// made-up ones, with missing, null, wrongly typed, long and NUL-laden arguments. A refusal is a hub error or a 4xx
/// at the handshake; what would be a 5xx over HTTP is an exception escaping a hub method, and that is what is counted.
/// </summary>
public sealed class HostileHubCalls(GridCommandApp app, Random random, HostileTokens tokens)
{
    private static readonly string[] Hubs = ["/hubs/field", "/hubs/wall"];
    private static readonly string[] Methods = ["Accept", "Decline", "Arrive", "Complete", "accept", "OnConnectedAsync", "Dispose", "Nope"];

    private static readonly object?[][] Arguments =
    [
        [], [null], [null, null], [123], [true], [new { taskId = "x" }], [new[] { 1, 2 }], ["\u0000"], ["a\u0000b", "\u0000"],
        [new string('t', 20_000)], ["T.1", new string('n', 20_000)], ["T.1", 5], ["T.1", null, "extra", 4],
    ];

    /// <summary>Tries a handshake with a token from the list; returns a description of a server error, or null.</summary>
    public async Task<string?> Connect()
    {
        var token = tokens.Pick(random) is { } header && header.StartsWith("Bearer ", StringComparison.Ordinal) ? header["Bearer ".Length..] : "";
        await using var hub = app.Hub(Hubs[random.Next(Hubs.Length)], token);
        try
        {
            await hub.StartAsync();
            return null;
        }
        catch (HttpRequestException e) when (e.StatusCode is null || (int)e.StatusCode < 500)
        {
            return null;
        }
        catch (Exception e)
        {
            return $"handshake: {e.GetType().Name}: {e.Message}";
        }
    }

    /// <summary>Sends <paramref name="count"/> junk invocations on one phone's connection; returns the server errors seen.</summary>
    public async Task<IReadOnlyList<string>> Invoke(FieldUnit phone, int count)
    {
        var errors = new List<string>();
        await using var hub = app.Hub("/hubs/field", phone.Token);
        await hub.StartAsync();
        for (var i = 0; i < count; i++)
        {
            var method = Methods[random.Next(Methods.Length)];
            var args = Arguments[random.Next(Arguments.Length)];
            try
            {
                await hub.InvokeCoreAsync(method, typeof(object), args);
            }
            catch (HubException e) when (IsRefusal(e))
            {
            }
            catch (Exception e)
            {
                errors.Add($"{method}({args.Length} args): {e.GetType().Name}: {e.Message}");
            }
        }
        if (hub.State != HubConnectionState.Connected) errors.Add($"the phone's connection was dropped: {hub.State}");
        return errors;
    }

    /// <summary>
    /// A refusal the hub meant (SignalR passes a HubException's own message on, after its fixed preamble) or one
    /// SignalR made itself (no such method, arguments that do not bind); anything else is an exception that escaped.
    /// </summary>
    private static bool IsRefusal(HubException e) =>
        e.Message.Contains("HubException: ", StringComparison.Ordinal) || e.Message.StartsWith("Failed to invoke", StringComparison.Ordinal)
        || e.Message.StartsWith("Unknown hub method", StringComparison.Ordinal);
}
