namespace GridCommand.Rules;

/// <summary>
/// The city's one time zone (City:TimeZone, an IANA id; Asia/Shanghai by default): incident ids, "today" for counters
/// and KPIs, and the times the pages show all read the city's wall clock, whatever zone a server or a browser is in.
/// </summary>
public sealed class CityClock
{
    public const string DefaultZone = "Asia/Shanghai";

    private CityClock(TimeZoneInfo zone) => Zone = zone;

    public TimeZoneInfo Zone { get; }

    /// <summary>The IANA id, as browsers' Intl.DateTimeFormat takes it.</summary>
    public string ZoneId => Zone.Id;

    /// <summary>The clock of the zone with this IANA id; anything else is refused with an error that names the setting.</summary>
    public static CityClock InZone(string ianaId)
    {
        var id = ianaId.Trim();
        try
        {
            var zone = TimeZoneInfo.FindSystemTimeZoneById(id);
            if (zone.HasIanaId) return new CityClock(zone);
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException or ArgumentException)
        {
        }
        throw new InvalidOperationException($"City:TimeZone \"{ianaId}\" is not an IANA time zone id this machine knows, such as {DefaultZone} or Europe/Berlin.");
    }

    /// <summary>The same instant, with the city's offset: what a clock on the city's wall shows.</summary>
    public DateTimeOffset Local(DateTimeOffset now) => TimeZoneInfo.ConvertTime(now, Zone);

    public DateOnly Today(DateTimeOffset now) => DateOnly.FromDateTime(Local(now).DateTime);

    public DateTimeOffset StartOfToday(DateTimeOffset now) => StartOf(Today(now));

    /// <summary>The instant the city's <paramref name="day"/> begins: its midnight in the city's zone.</summary>
    public DateTimeOffset StartOf(DateOnly day)
    {
        var midnight = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(midnight, Zone.GetUtcOffset(midnight));
    }
}
