namespace GridCommand.Rules.Checkins;

/// <summary>Check-in ids people can read out: K, the city's date and time, then four random hex digits (like incidents').</summary>
public static class CheckinIds
{
    public static string New(DateTimeOffset now, CityClock city) =>
        $"K{city.Local(now):yyMMdd-HHmmss}-{Random.Shared.Next(0x10000):X4}";
}
