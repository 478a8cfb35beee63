using GridCommand.Rules.Coverage;
using GridCommand.Rules.Geo;
using GridCommand.Silo.Demo;

namespace GridCommand.Web.Live;

/// <summary>
/// The configured rapid-response points (Coverage:RapidResponsePoints); in demo mode with none configured, the demo
/// city's 69. A point configured wrong stops the node at start with what is wrong, rather than showing nothing.
/// </summary>
public sealed class RapidResponsePoints
{
    public RapidResponsePoints(IConfiguration config, CityGrid grid)
    {
        var configured = config.GetSection("Coverage:RapidResponsePoints").Get<List<RapidResponsePoint>>() ?? [];
        if (configured.Select(p => p.Problem()).FirstOrDefault(p => p is not null) is { } problem)
            throw new InvalidOperationException($"Coverage:RapidResponsePoints: {problem}.");
        All = configured.Count == 0 && config.GetValue<bool>("Simulation:Enabled")
            ? DemoRapidResponsePoints.Of(new DemoCity(grid, config.GetSection("Simulation").Get<SimulationOptions>() ?? new SimulationOptions()))
            : configured;
    }

    public IReadOnlyList<RapidResponsePoint> All { get; }
}
