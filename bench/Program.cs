using System.Diagnostics;
using GridCommand.Bench;

// The load benchmark: drives a running GridCommand from outside through its public API, as its users do.
//   dotnet run -c Release --project bench -- --units 30000 [--seconds 60] [--storage sqlite|postgres --cs "..."]
//   dotnet run -c Release --project bench -- --units 30000 --url http://host:port [--user commander --password commander]
// Without --url it builds and starts the web server itself (one process, demo accounts, no simulator).
//   --chat-rate 200 (the default): chat-group messages posted a second during the run; 0 to compare dispatch → phone without.
//   dotnet run -c Release --project bench -- --tracks 24 --units 30000 [--storage postgres --cs "..."]: the track store.
//   dotnet run -c Release --project bench -- --performance 365 [--incidents-per-day 3000] [--storage postgres --cs "..."]: station performance.
//   dotnet run -c Release --project bench -- --cameras 60000 [--storage postgres --cs "..."] [--url ...]: the camera catalogue.
var options = BenchOptions.Parse(args);
if (options.TrackHours is { } trackHours) return await TrackBench.RunAsync(options, trackHours);
if (options.PerformanceDays is { } performanceDays) return await PerformanceBench.RunAsync(options, performanceDays);
ServerProcess? server = null;
try
{
    server = options.Url is null ? await ServerProcess.StartAsync(options) : null;
    var url = options.Url ?? server!.Url;
    using var client = new GridClient(url, options.Connections);
    Console.WriteLine($"GridCommand benchmark: {options.Units:N0} units against {url} ({(server is null ? "a running server" : $"started here, {options.Storage}")}), " +
                      $"{options.Connections} connections, {Environment.ProcessorCount} cores shared with the server");

    var commander = await client.Login(options.User, options.Password);
    if (options.Cameras is { } cameras) return await CameraBench.RunAsync(client, commander, cameras);
    var dispatcher = await client.Login("dispatcher", "dispatcher");
    var clock = Stopwatch.StartNew();
    var fleet = await Fleet.EnrolAsync(client, commander, options.Units, options.Connections);
    var enrolled = clock.Elapsed;
    Console.WriteLine($"enrolled, signed in, on duty and placed: {options.Units:N0} units in {enrolled.TotalSeconds:F1} s");

    // The baseline is an authenticated round trip that does nothing else: the device's token checked, a few bytes back.
    var device = fleet.Devices[0];
    var baseline = await LoadRun.Run(url, options.Connections, TimeSpan.FromSeconds(options.BaselineSeconds),
        async (connection, _) => await connection.SendAsync("GET", options.NoopPath, device) is 200 or 404);
    Console.WriteLine($"no-op authenticated GET: {baseline.PerSecond:N0}/s");

    // Three screens: a wall zoomed in on a district, a wall zoomed out (the cells' loads only), a console watching the city.
    var wallToken = await client.Login("wall", "wall");
    await using var district = await WallWatcher.ConnectAsync(url, wallToken, fleet.District(options.DistrictUnits));
    await using var zoomedOut = await WallWatcher.ConnectAsync(url, wallToken, null);
    await using var cityConsole = await WallWatcher.ConnectAsync(url, dispatcher, fleet.City);
    WallWatcher[] walls = [district, zoomedOut, cityConsole];
    await using var phones = await Phones.ConnectAsync(url, fleet, options.Phones);
    await using var coverage = await CoverageProbe.StartAsync(client, commander, wallToken);
    var chat = await ChatFeed.StartAsync(client, commander);
    await Task.Delay(TimeSpan.FromSeconds(1));
    foreach (var wall in walls) wall.Reset();
    using var stopDispatching = new CancellationTokenSource();
    var dispatching = phones.DispatchUntil(client, dispatcher, TimeSpan.FromMilliseconds(500), stopDispatching.Token);
    var probing = coverage.ProbeUntil(TimeSpan.FromSeconds(2), stopDispatching.Token);
    var chatting = chat.PostUntil(options.ChatRate, stopDispatching.Token);
    var ingest = await LoadRun.Run(url, options.Connections, TimeSpan.FromSeconds(options.Seconds), async (connection, random) =>
    {
        var unit = random.Next(options.Units);
        var (path, fix) = fleet.NextFix(unit, random);
        return await connection.SendAsync("POST", path, fleet.Devices[unit], fix) == 202;
    });
    await stopDispatching.CancelAsync();
    await dispatching;
    await probing;
    await chatting;
    await Task.Delay(TimeSpan.FromSeconds(1)); // the last batches reach the wall

    var rss = server?.RssBytes();
    Console.WriteLine();
    Console.WriteLine("| figure | value |");
    Console.WriteLine("|---|---|");
    Console.WriteLine($"| enrol {options.Units:N0} units (enrol, device sign-in, on duty, first fix) | {enrolled.TotalSeconds:F1} s |");
    Console.WriteLine($"| no-op authenticated GET (`{options.NoopPath}`, a device's token) | {baseline.PerSecond:N0}/s |");
    Console.WriteLine($"| positions accepted (202) | {ingest.PerSecond:N0}/s ({ingest.PerSecond / baseline.PerSecond:F2} of the no-op) |");
    Console.WriteLine($"| positions not accepted | {ingest.Failed:N0} |");
    var seconds = ingest.Elapsed.TotalSeconds;
    Console.WriteLine($"| a wall on a district ({district.UnitsInBox:N0} units in its box): received | {district.Bytes / seconds / 1e6:N2} MB/s, {district.Updates / seconds:N0} unit updates/s |");
    Console.WriteLine($"| a wall on a district: fix → wall | {district.FixToWall} |");
    Console.WriteLine($"| a wall zoomed out (cells only): received | {zoomedOut.Bytes / seconds / 1e6:N2} MB/s |");
    Console.WriteLine($"| a console watching the city: received | {cityConsole.Bytes / seconds / 1e6:N2} MB/s, {cityConsole.Updates / seconds:N0} unit updates/s |");
    Console.WriteLine($"| a console watching the city: fix → wall | {cityConsole.FixToWall} |");
    Console.WriteLine($"| dispatch → phone | {phones.DispatchToPhone} ({phones.Refused} refused, {phones.Lost} lost) |");
    Console.WriteLine($"| coverage current: probe car on a cell centre → a wall's cells show it at 0 s | {coverage.FixToCoverage} ({coverage.Missed} missed) |");
    Console.WriteLine($"| chat-group messages accepted (202), asked {options.ChatRate}/s | {chat.PerSecond:N0}/s ({chat.Failed:N0} not accepted) |");
    Console.WriteLine($"| server RSS at the end | {(rss is null ? "n/a (not started here)" : $"{rss / 1048576.0:N0} MB")} |");
    return 0;
}
catch (Exception e)
{
    Console.Error.WriteLine($"benchmark failed: {e.Message}");
    if (server is not null) Console.Error.WriteLine($"server log: {server.LogPath}");
    return 1;
}
finally
{
    if (server is not null) await server.DisposeAsync();
}
