namespace GridCommand.Rules.Stations;

/// <summary>A warning station: name, location, the cells it covers and its units.</summary>
public sealed class StationState
{
    public string Name { get; set; } = "";
    public StationKind Kind { get; set; }
    public double Lat { get; set; }
    public double Lon { get; set; }
    public List<string> CellIds { get; set; } = [];
    public SortedSet<string> UnitIds { get; set; } = [];

    public bool Registered => Name.Length > 0;
}
