using System.Data.Common;
using Dapper;

namespace GridCommand.Silo.Storage;

/// <summary>
/// One INSERT of many rows: on PostgreSQL each statement is a round trip, so big writes send a few hundred rows in one.
/// Row i's column j is the parameter @r{i}_{j}.
/// </summary>
internal static class MultiRowInsert
{
    /// <param name="insert">the statement up to VALUES</param>
    /// <param name="tail">what follows the rows, e.g. its ON CONFLICT clause</param>
    /// <param name="values">a row's values, in the columns' order</param>
    public static CommandDefinition Of<T>(string insert, string tail, IReadOnlyList<T> rows, Func<T, object?[]> values,
        DbTransaction transaction, CancellationToken ct)
    {
        var parameters = new DynamicParameters();
        var tuples = new List<string>(rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            var row = values(rows[i]);
            var names = new string[row.Length];
            for (var j = 0; j < row.Length; j++)
            {
                names[j] = $"r{i}_{j}";
                parameters.Add(names[j], row[j]);
            }
            tuples.Add($"(@{string.Join(", @", names)})");
        }
        return new CommandDefinition($"{insert} {string.Join(", ", tuples)} {tail}", parameters, transaction, cancellationToken: ct);
    }
}
