namespace GridCommand.Rules.Performance;

/// <summary>
/// The counts behind a station's figures for a stretch of days; tallies of days add up to a week's or a period's.
/// Plain settable properties: a past day's tallies are kept as the rules' JSON (the performance_day table).
/// </summary>
public sealed class StationTally
{
    public int Received { get; set; }
    public int PoliceReceived { get; set; }
    public int Diverted { get; set; }
    public int Handled { get; set; }
    public int Concluded { get; set; }
    public int Calls { get; set; }
    public int Reached { get; set; }
    public int ReachedByNeighbours { get; set; }
    public int Checkins { get; set; }
    /// <summary>First dispatch to first on scene of each handled incident that had both, to a tenth of a second (as shown).</summary>
    public List<double> ResponseSeconds { get; set; } = [];

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
        if (r.ResponseSeconds is { } seconds) ResponseSeconds.Add(Math.Round(seconds, 1));
        if (r.FirstOnSceneAt is null) return;
        Reached++;
        if (r.FirstReachedByNeighbours) ReachedByNeighbours++;
    }

    public void Add(StationTally other)
    {
        (Received, PoliceReceived, Diverted, Handled, Concluded, Calls, Reached, ReachedByNeighbours, Checkins) =
            (Received + other.Received, PoliceReceived + other.PoliceReceived, Diverted + other.Diverted, Handled + other.Handled,
             Concluded + other.Concluded, Calls + other.Calls, Reached + other.Reached, ReachedByNeighbours + other.ReachedByNeighbours,
             Checkins + other.Checkins);
        ResponseSeconds.AddRange(other.ResponseSeconds);
    }

    public PerformanceFigures Figures(DateOnly from, DateOnly to)
    {
        var responses = ResponseSeconds.Order().ToList();
        return new PerformanceFigures(from, to, Received, Handled,
            IncidentMeasures.Ratio(Concluded, PoliceReceived),
            IncidentMeasures.Percentile(responses, 0.5),
            IncidentMeasures.Percentile(responses, 0.9),
            IncidentMeasures.Ratio(Calls - Handled, Calls),
            IncidentMeasures.Ratio(Diverted, Received),
            IncidentMeasures.Ratio(ReachedByNeighbours, Reached),
            Checkins);
    }
}
