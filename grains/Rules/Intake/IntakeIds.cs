namespace GridCommand.Rules.Intake;

/// <summary>A candidate's id names its station ("S01.M7"), so the routes that act on it need no station.</summary>
public static class IntakeIds
{
    private const string Mark = ".M";

    public static string Candidate(string stationId, int n) => $"{stationId}{Mark}{n}";

    /// <returns>the station, or null when the id is not a candidate's.</returns>
    public static string? StationOf(string candidateId)
    {
        var at = candidateId.LastIndexOf(Mark, StringComparison.Ordinal);
        return at > 0 && int.TryParse(candidateId.AsSpan(at + Mark.Length), out var n) && n > 0 ? candidateId[..at] : null;
    }
}
