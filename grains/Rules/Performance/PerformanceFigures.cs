namespace GridCommand.Rules.Performance;

/// <summary>
/// A station's figures for the incidents reported in one city day, one week or a whole period (From to To, both
/// included). Rates are 0..1 and, like the response times, null when there is nothing to measure.
/// </summary>
/// <param name="Received">incidents reported in the station's cells</param>
/// <param name="Handled">of those, the ones that ended by now: resolved, closed or diverted</param>
/// <param name="ClosureRate">办结率: police incidents resolved or closed / police incidents received</param>
/// <param name="ResponseP50Seconds">first dispatch to first unit on scene, the median</param>
/// <param name="RepeatCallRate">repeat calls / all calls, of the handled incidents</param>
/// <param name="DiversionRate">非警务警情分流: incidents diverted to another department / received</param>
/// <param name="NeighboursFirstRate">半分钟助警圈: of the incidents a unit reached, those a guard or volunteer reached first</param>
/// <param name="Checkins">field check-ins made by the station's units</param>
public sealed record PerformanceFigures(
    DateOnly From,
    DateOnly To,
    int Received,
    int Handled,
    double? ClosureRate,
    double? ResponseP50Seconds,
    double? ResponseP90Seconds,
    double? RepeatCallRate,
    double? DiversionRate,
    double? NeighboursFirstRate,
    int Checkins);

/// <summary>One station's performance over a period: a row per city day, per week (Monday to Sunday, cut to the period) and the total.</summary>
public sealed record StationPerformance(
    string StationId,
    string? StationName,
    DateOnly From,
    DateOnly To,
    IReadOnlyList<PerformanceFigures> Days,
    IReadOnlyList<PerformanceFigures> Weeks,
    PerformanceFigures Total);

/// <summary>A station's place in the city's ranking for a period.</summary>
public sealed record RankedStation(int Rank, string StationId, string? StationName, PerformanceFigures Figures);

/// <summary>Every station ranked over a period: by closure rate (highest first), then median response (fastest first), then incidents handled.</summary>
public sealed record StationRanking(DateOnly From, DateOnly To, IReadOnlyList<RankedStation> Stations);
