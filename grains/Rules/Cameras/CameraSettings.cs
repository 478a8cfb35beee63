namespace GridCommand.Rules.Cameras;

/// <summary>What a video platform's alarm kind makes: the incident type it suggests and its priority.</summary>
public sealed class AlarmKind
{
    public string Type { get; set; } = "other";
    public int Priority { get; set; } = 2;

    public static AlarmKind Of(string type, int priority) => new() { Type = type, Priority = priority };
}

/// <summary>Configuration section "Cameras": the alarm kinds, how alarms collapse, the nearby list, imports.</summary>
public sealed class CameraSettings
{
    /// <summary>Added to (or, under a default's name, replacing) <see cref="DefaultAlarmKinds"/>.</summary>
    public Dictionary<string, AlarmKind> AlarmKinds { get; set; } = [];
    /// <summary>Alarms of one camera within this time of its candidate's last alarm join that candidate.</summary>
    public TimeSpan CollapseWindow { get; set; } = TimeSpan.FromMinutes(5);
    public int NearbyCount { get; set; } = 5;
    public double NearbyMeters { get; set; } = 1000;
    public long MaxImportBytes { get; set; } = 16 * 1024 * 1024;
    /// <summary>A CSV or GeoJSON file imported into the catalogue at start (its cameras added or updated), if set.</summary>
    public string? ImportFile { get; set; }

    public static readonly IReadOnlyDictionary<string, AlarmKind> DefaultAlarmKinds = new Dictionary<string, AlarmKind>
    {
        ["intrusion"] = AlarmKind.Of("suspicious-person", 2),
        ["crowd"] = AlarmKind.Of("other", 2),
        ["fight"] = AlarmKind.Of("fight", 1),
        ["fire"] = AlarmKind.Of("fire", 1),
        ["loitering"] = AlarmKind.Of("suspicious-person", 3),
        ["vehicle"] = AlarmKind.Of("other", 3),
    };

    /// <summary>The defaults with the configured kinds over them.</summary>
    public IReadOnlyDictionary<string, AlarmKind> Kinds()
    {
        var kinds = DefaultAlarmKinds.ToDictionary(k => k.Key, k => k.Value, StringComparer.Ordinal);
        foreach (var (name, kind) in AlarmKinds) kinds[name.Trim().ToLowerInvariant()] = kind;
        return kinds;
    }
}
