namespace GridCommand.Rules.Incidents;

/// <summary>Incident ids people can read out on a radio: the city's date and time, then four random hex digits.</summary>
public static class IncidentIds
{
    public static string New(DateTimeOffset now, CityClock city) =>
        $"I{city.Local(now):yyMMdd-HHmmss}-{Random.Shared.Next(0x10000):X4}";
}
