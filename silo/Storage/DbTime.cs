namespace GridCommand.Silo.Storage;

/// <summary>
/// How timestamps cross the database boundary, the same for both providers: UTC DateTime on the
/// way in (timestamptz in PostgreSQL, sortable text in SQLite), truncated to the microsecond that
/// PostgreSQL keeps so both providers return the same value; UTC DateTimeOffset on the way out.
/// </summary>
internal static class DbTime
{
    public static DateTime ToDb(DateTimeOffset t)
    {
        var utc = t.UtcDateTime;
        return utc.AddTicks(-(utc.Ticks % TimeSpan.TicksPerMicrosecond));
    }

    // PostgreSQL hands back UTC; SQLite text parses as Unspecified but was written as UTC.
    public static DateTimeOffset FromDb(DateTime t) => new(DateTime.SpecifyKind(t, DateTimeKind.Utc));
}
