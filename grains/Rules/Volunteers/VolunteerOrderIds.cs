namespace GridCommand.Rules.Volunteers;

/// <summary>Order ids people can read out: O, the city's date and time, then four random hex digits (like incidents').</summary>
public static class VolunteerOrderIds
{
    public static string New(DateTimeOffset now, CityClock city) =>
        $"O{city.Local(now):yyMMdd-HHmmss}-{Random.Shared.Next(0x10000):X4}";
}
