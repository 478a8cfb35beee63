namespace GridCommand.Rules.Coverage;

/// <summary>A rapid-response point (快速反应点) of the 1-3-5 minute plan: where it is and the units that hold it.</summary>
public sealed class RapidResponsePoint
{
    public string Id { get; init; } = "";
    public string Name { get; init; } = "";
    public double Lat { get; init; }
    public double Lon { get; init; }
    public List<string> Units { get; init; } = [];

    /// <returns>what is wrong with the point as configured, or null.</returns>
    public string? Problem() =>
        Id.Length == 0 ? "a rapid-response point needs an id"
        : Lat is < -90 or > 90 || Lon is < -180 or > 180 ? $"rapid-response point {Id}: lat/lon out of range"
        : null;
}
