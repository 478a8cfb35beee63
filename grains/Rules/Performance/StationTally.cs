namespace GridCommand.Rules.Performance;

/// <summary>The counts behind a station's figures for a stretch of days; tallies of days add up to a week's or a period's.</summary>
public sealed class StationTally
{
    private readonly List<double> _responses = [];

    public int Received { get; private set; }
    public int PoliceReceived { get; private set; }
    public int Diverted { get; private set; }
    public int Handled { get; private set; }
    public int Concluded { get; private set; }
    public int Calls { get; private set; }
    public int Reached { get; private set; }
    public int ReachedByNeighbours { get; private set; }
    public int Checkins { get; private set; }

    public void AddReceived(IncidentRecord r)
    {
        Received++;
        if (r.IsPoliceMatter) PoliceReceived++;
        else Diverted++;
    }

    public void AddEnded(IncidentRecord r)
    {
        Handled++;
        Calls += Math.Max(1, r.ReportCount);
        if (r.IsPoliceMatter && IncidentMeasures.IsConcluded(r.Status)) Concluded++;
        if (r.ResponseSeconds is { } seconds) _responses.Add(seconds);
        if (r.FirstOnSceneAt is null) return;
        Reached++;
        if (r.FirstReachedByNeighbours) ReachedByNeighbours++;
    }

    public void AddCheckins(int count) => Checkins += count;

    public void Add(StationTally other)
    {
        (Received, PoliceReceived, Diverted, Handled, Concluded, Calls, Reached, ReachedByNeighbours, Checkins) =
            (Received + other.Received, PoliceReceived + other.PoliceReceived, Diverted + other.Diverted, Handled + other.Handled,
             Concluded + other.Concluded, Calls + other.Calls, Reached + other.Reached, ReachedByNeighbours + other.ReachedByNeighbours,
             Checkins + other.Checkins);
        _responses.AddRange(other._responses);
    }

    public PerformanceFigures Figures(DateOnly from, DateOnly to)
    {
        _responses.Sort();
        return new PerformanceFigures(from, to, Received, Handled,
            IncidentMeasures.Ratio(Concluded, PoliceReceived),
            Rounded(IncidentMeasures.Percentile(_responses, 0.5)),
            Rounded(IncidentMeasures.Percentile(_responses, 0.9)),
            IncidentMeasures.Ratio(Calls - Handled, Calls),
            IncidentMeasures.Ratio(Diverted, Received),
            IncidentMeasures.Ratio(ReachedByNeighbours, Reached),
            Checkins);
    }

    private static double? Rounded(double? seconds) => seconds is { } s ? Math.Round(s, 1) : null;
}
