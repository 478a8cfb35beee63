using GridCommand.Rules.Incidents;

namespace GridCommand.Rules.Performance;

/// <summary>
/// The definitions the live KPIs and the stations' performance share: what counts as police work, as concluded,
/// and how a percentile and a rate are taken.
/// </summary>
public static class IncidentMeasures
{
    /// <summary>Police work: not diverted to another department (an incident diverted at its report stays diverted, even if police went anyway).</summary>
    public static bool IsPoliceMatter(IncidentStatus status, string? divertedTo) => status != IncidentStatus.Diverted && divertedTo is null;

    /// <summary>办结: resolved by its units or closed by a dispatcher.</summary>
    public static bool IsConcluded(IncidentStatus status) => status is IncidentStatus.Resolved or IncidentStatus.Closed;

    /// <summary>Nearest-rank percentile of sorted values; null when there are none.</summary>
    public static double? Percentile(IReadOnlyList<double> sorted, double p) =>
        sorted.Count == 0 ? null : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];

    /// <summary>part / whole to four places; null (not NaN) when there is nothing to divide.</summary>
    public static double? Ratio(int part, int whole) => whole == 0 ? null : Math.Round((double)part / whole, 4);
}
