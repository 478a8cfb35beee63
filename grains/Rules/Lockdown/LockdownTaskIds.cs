namespace GridCommand.Rules.Lockdown;

/// <summary>A lockdown task id is "{activationId}.P{n}": point n of the activation (an incident's task is "{incidentId}.T{n}").</summary>
public static class LockdownTaskIds
{
    private const string Separator = ".P";

    public static string Of(string activationId, int n) => $"{activationId}{Separator}{n}";

    /// <returns>the activation id and point number, or null when the text is not a lockdown task id.</returns>
    public static (string ActivationId, int N)? Parse(string taskId)
    {
        var i = taskId.LastIndexOf(Separator, StringComparison.Ordinal);
        return i > 0 && int.TryParse(taskId.AsSpan(i + Separator.Length), out var n) && n > 0 ? (taskId[..i], n) : null;
    }

    /// <summary>Activation ids people can read out on a radio, like incidents': "L" and the city's date and time, four hex digits.</summary>
    public static string NewActivationId(DateTimeOffset now, CityClock city) =>
        $"L{city.Local(now):yyMMdd-HHmmss}-{Random.Shared.Next(0x10000):X4}";
}
