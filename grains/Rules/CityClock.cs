namespace GridCommand.Rules;

/// <summary>"Today" for counters and KPIs is the calendar day in China Standard Time (UTC+8, no daylight saving).</summary>
public static class CityClock
{
    private static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    public static DateOnly Today(DateTimeOffset now) => DateOnly.FromDateTime(now.ToOffset(ChinaOffset).DateTime);

    public static DateTimeOffset StartOfToday(DateTimeOffset now) =>
        new(Today(now).ToDateTime(TimeOnly.MinValue), ChinaOffset);
}
