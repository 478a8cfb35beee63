namespace GridCommand.Bench;

/// <summary>
/// The benchmark's options, as "--name value" pairs:
/// --units 30000 --seconds 60 --baseline-seconds 10 --connections 64 --phones 20 --district-units 3000
/// --url http://host:port --user commander --password commander (a running server), --noop-path /api/auth/me, or
/// --storage sqlite|postgres --cs "..." (the server the benchmark starts itself).
/// --tracks 24 is the track store's benchmark instead: --units units' tracks over that many hours, written and queried
/// through the product's own track store, on --storage (and --cs; SQLite in a temporary file without it). No server.
/// --performance 365 is the stations' performance benchmark instead: that many days of --incidents-per-day (3000)
/// incidents' events written to the event log, then the performance reports timed over them (same storage options).
/// --cameras 60000 is the camera catalogue's benchmark instead: that many cameras imported, then listed by box.
/// </summary>
public sealed record BenchOptions
{
    public int Units { get; init; } = 30_000;
    public int Seconds { get; init; } = 60;
    public int BaselineSeconds { get; init; } = 10;
    public int Connections { get; init; } = 64;
    public int Phones { get; init; } = 20;

    /// <summary>About how many units the district wall's box holds.</summary>
    public int DistrictUnits { get; init; } = 3_000;
    public Uri? Url { get; init; }
    public string User { get; init; } = "commander";
    public string Password { get; init; } = "commander";
    public string Storage { get; init; } = "sqlite";
    public string? ConnectionString { get; init; }

    /// <summary>The hours of tracks the track store's benchmark writes; null for the load benchmark.</summary>
    public int? TrackHours { get; init; }

    /// <summary>The days of incidents the stations' performance benchmark writes; null for the load benchmark.</summary>
    public int? PerformanceDays { get; init; }

    public int IncidentsPerDay { get; init; } = 3_000;

    /// <summary>The cameras the camera catalogue's benchmark imports; null for the load benchmark.</summary>
    public int? Cameras { get; init; }

    /// <summary>The baseline request: an authenticated GET that does nothing (a server without it answers 404, as cheaply).</summary>
    public string NoopPath { get; init; } = "/api/auth/me";
    /// <summary>Chat-group messages posted a second during the run (the issue asks for 200).</summary>
    public int ChatRate { get; init; } = 200;

    public static BenchOptions Parse(string[] args)
    {
        var given = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal)) throw new ArgumentException($"Expected --name value, got '{args[i]}'.");
            given[args[i][2..]] = args[i + 1];
        }
        if (args.Length % 2 == 1) throw new ArgumentException($"'{args[^1]}' has no value.");
        int Int(string name, int fallback) => given.TryGetValue(name, out var v) ? int.Parse(v) : fallback;
        var defaults = new BenchOptions();
        return new BenchOptions
        {
            Units = Int("units", defaults.Units),
            Seconds = Int("seconds", defaults.Seconds),
            BaselineSeconds = Int("baseline-seconds", defaults.BaselineSeconds),
            Connections = Int("connections", defaults.Connections),
            Phones = Int("phones", defaults.Phones),
            DistrictUnits = Int("district-units", defaults.DistrictUnits),
            Url = given.TryGetValue("url", out var url) ? new Uri(url) : null,
            User = given.GetValueOrDefault("user", defaults.User),
            Password = given.GetValueOrDefault("password", defaults.Password),
            Storage = given.GetValueOrDefault("storage", defaults.Storage),
            ConnectionString = given.GetValueOrDefault("cs"),
            NoopPath = given.GetValueOrDefault("noop-path", defaults.NoopPath),
            ChatRate = Int("chat-rate", defaults.ChatRate),
            TrackHours = given.TryGetValue("tracks", out var hours) ? int.Parse(hours) : null,
            PerformanceDays = given.TryGetValue("performance", out var days) ? int.Parse(days) : null,
            IncidentsPerDay = Int("incidents-per-day", defaults.IncidentsPerDay),
            Cameras = given.TryGetValue("cameras", out var cameras) ? int.Parse(cameras) : null,
        };
    }
}
