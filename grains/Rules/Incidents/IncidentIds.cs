namespace GridCommand.Rules.Incidents;

/// <summary>Incident ids people can read out on a radio: the China date and time, then four random hex digits.</summary>
public static class IncidentIds
{
    public static string New(DateTimeOffset now) =>
        $"I{now.ToOffset(TimeSpan.FromHours(8)):yyMMdd-HHmmss}-{Random.Shared.Next(0x10000):X4}";
}
