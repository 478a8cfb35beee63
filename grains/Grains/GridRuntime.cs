using GridCommand.Rules;
using GridCommand.Rules.Coverage;
using GridCommand.Rules.Dispatch;
using GridCommand.Rules.Geo;

namespace GridCommand.Grains;

/// <summary>What every grain on a silo shares: the city layout and time zone, the grains' timings, the dispatch and coverage rules and the clock.</summary>
public sealed class GridRuntime(
    CityGrid grid, CityClock city, GrainSettings settings, DispatchSettings dispatch, CoverageSettings coverage, IEtaEstimator eta, TimeProvider clock)
{
    public CityGrid Grid { get; } = grid;
    public CityClock City { get; } = city;
    public GrainSettings Settings { get; } = settings;
    public DispatchSettings Dispatch { get; } = dispatch;
    public Recommender Recommender { get; } = new(eta, settings.StaleAfter);
    public CoverageSettings Coverage { get; } = coverage;
    public Reach Reach { get; } = new(grid, dispatch, new Recommender(eta, settings.StaleAfter), coverage);

    public DateTimeOffset Now => clock.GetUtcNow();
}
