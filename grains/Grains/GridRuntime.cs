using GridCommand.Rules.Dispatch;
using GridCommand.Rules.Geo;

namespace GridCommand.Grains;

/// <summary>What every grain on a silo shares: the city layout, the grains' timings, the dispatch rules and the clock.</summary>
public sealed class GridRuntime(CityGrid grid, GrainSettings settings, DispatchSettings dispatch, IEtaEstimator eta, TimeProvider clock)
{
    public CityGrid Grid { get; } = grid;
    public GrainSettings Settings { get; } = settings;
    public DispatchSettings Dispatch { get; } = dispatch;
    public Recommender Recommender { get; } = new(eta, settings.StaleAfter);

    public DateTimeOffset Now => clock.GetUtcNow();
}
