using GridCommand.Rules;
using GridCommand.Rules.Dispatch;
using GridCommand.Rules.Geo;

namespace GridCommand.Grains;

/// <summary>What every grain on a silo shares: the city layout and time zone, the grains' timings, the dispatch rules and the clock.</summary>
public sealed class GridRuntime(CityGrid grid, CityClock city, GrainSettings settings, DispatchSettings dispatch, IEtaEstimator eta, TimeProvider clock)
{
    public CityGrid Grid { get; } = grid;
    public CityClock City { get; } = city;
    public GrainSettings Settings { get; } = settings;
    public DispatchSettings Dispatch { get; } = dispatch;
    public Recommender Recommender { get; } = new(eta, settings.StaleAfter);

    public DateTimeOffset Now => clock.GetUtcNow();
}
