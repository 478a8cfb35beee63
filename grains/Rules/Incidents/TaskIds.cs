namespace GridCommand.Rules.Incidents;

/// <summary>A task id is "{incidentId}.T{n}".</summary>
public static class TaskIds
{
    private const string Separator = ".T";

    public static string Of(string incidentId, int n) => $"{incidentId}{Separator}{n}";

    /// <returns>the incident id, or null when the text is not a task id.</returns>
    public static string? IncidentOf(string taskId)
    {
        var i = taskId.LastIndexOf(Separator, StringComparison.Ordinal);
        return i > 0 && int.TryParse(taskId.AsSpan(i + Separator.Length), out _) ? taskId[..i] : null;
    }
}
