using System.Data.Common;
using System.Globalization;
using Dapper;

namespace GridCommand.Silo.Storage;

/// <summary>The performance_day table: each past city day's incident records and check-ins added up (the rules' JSON), by day.</summary>
public sealed class PerformanceDayTable(Func<CancellationToken, Task<DbConnection>> open)
{
    private const string DayFormat = "yyyy-MM-dd";

    /// <returns>the days from <paramref name="first"/> to <paramref name="last"/> kept so far, with their data</returns>
    public async Task<IReadOnlyDictionary<DateOnly, string>> ReadAsync(DateOnly first, DateOnly last, CancellationToken ct = default)
    {
        await using var db = await open(ct);
        var rows = await db.QueryAsync<(string Day, string Data)>(new CommandDefinition(
            "SELECT day, data FROM performance_day WHERE day >= @first AND day <= @last",
            new { first = Text(first), last = Text(last) }, cancellationToken: ct));
        return rows.ToDictionary(r => DateOnly.ParseExact(r.Day, DayFormat, CultureInfo.InvariantCulture), r => r.Data);
    }

    /// <summary>Keeps a day's data; two nodes keeping the same day write the same thing.</summary>
    public async Task SaveAsync(DateOnly day, string data, CancellationToken ct = default)
    {
        await using var db = await open(ct);
        await db.ExecuteAsync(new CommandDefinition(
            "INSERT INTO performance_day (day, data) VALUES (@day, @data) ON CONFLICT (day) DO UPDATE SET data = excluded.data",
            new { day = Text(day), data }, cancellationToken: ct));
    }

    private static string Text(DateOnly day) => day.ToString(DayFormat, CultureInfo.InvariantCulture);
}
