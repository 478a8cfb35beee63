namespace GridCommand.Rules.Lockdown;

/// <summary>A lockdown plan (关城门预案): its name and points, from configuration or drawn in the console.</summary>
public sealed class PlanState
{
    public string Name { get; set; } = "";
    public List<LockdownPoint> Points { get; set; } = [];
    public string By { get; set; } = "";
    public DateTimeOffset? SavedAt { get; set; }
    public int Version { get; set; }

    public bool Exists => SavedAt is not null;

    public void Save(string name, IEnumerable<LockdownPoint> points, DateTimeOffset now, string by)
    {
        (Name, Points, SavedAt, By) = (name, points.ToList(), now, by);
        Version++;
    }
}
