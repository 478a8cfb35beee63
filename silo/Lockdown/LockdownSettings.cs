using GridCommand.Rules.Lockdown;

namespace GridCommand.Silo.Lockdown;

/// <summary>The "Lockdown" section: plans known from the start, and whether the demo city gets its 关城门 plan.</summary>
public sealed class LockdownSettings
{
    public List<PlanSetting> Plans { get; set; } = [];

    /// <summary>With the simulated demo city: its fixed 关城门 plan (139 blocking points, three rings).</summary>
    public bool DemoPlan { get; set; } = true;
}

/// <summary>A plan in configuration: points as in the API, kind "checkpoint" or "blocking-point", ring "city", "urban" or "core".</summary>
public sealed class PlanSetting
{
    public string? Id { get; set; }
    public string? Name { get; set; }
    public List<PointSetting> Points { get; set; } = [];
}

public sealed class PointSetting
{
    public string? Id { get; set; }
    public string? Name { get; set; }
    public string? Kind { get; set; }
    public string? Ring { get; set; }
    public double? Lat { get; set; }
    public double? Lon { get; set; }

    public LockdownPointInput Input() => new(Id, Name, Kind, Ring, Lat, Lon);
}
