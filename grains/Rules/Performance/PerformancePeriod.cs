using System.Globalization;

namespace GridCommand.Rules.Performance;

/// <summary>City days From to To, both included: what a performance report covers.</summary>
public sealed record PerformancePeriod(DateOnly From, DateOnly To)
{
    public const int MaxDays = 400;
    public const int DefaultDays = 7;

    public int Days => To.DayNumber - From.DayNumber + 1;

    public IEnumerable<DateOnly> EachDay() => Enumerable.Range(0, Days).Select(From.AddDays);

    /// <summary>The period's weeks, Monday to Sunday, the first and last cut to the period.</summary>
    public IEnumerable<PerformancePeriod> Weeks()
    {
        for (var monday = From.AddDays(-(((int)From.DayOfWeek + 6) % 7)); monday <= To; monday = monday.AddDays(7))
            yield return new PerformancePeriod(Max(monday, From), Min(monday.AddDays(6), To));
    }

    public bool Contains(DateOnly day) => day >= From && day <= To;

    /// <summary>
    /// The period asked for as from= and to= (yyyy-MM-dd, city days); either left out: the last
    /// <see cref="DefaultDays"/> city days up to <paramref name="today"/>.
    /// </summary>
    /// <returns>the error to answer, or null</returns>
    public static string? TryParse(string? from, string? to, DateOnly today, out PerformancePeriod period)
    {
        period = new PerformancePeriod(today, today);
        DateOnly last = today, first = default;
        if (to is not null && !TryDate(to, out last)) return $"to must be a date as yyyy-MM-dd, not \"{to}\".";
        if (from is not null && !TryDate(from, out first)) return $"from must be a date as yyyy-MM-dd, not \"{from}\".";
        if (from is null) first = last.AddDays(1 - DefaultDays);
        if (last < first) return "to must not be before from.";
        if (last.DayNumber - first.DayNumber + 1 > MaxDays) return $"The period may be at most {MaxDays} days.";
        period = new PerformancePeriod(first, last);
        return null;
    }

    private static bool TryDate(string text, out DateOnly day) =>
        DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day);

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}
