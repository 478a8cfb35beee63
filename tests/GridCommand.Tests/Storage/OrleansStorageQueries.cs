using System.Data;
using System.Data.Common;
using Dapper;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace GridCommand.Tests.Storage;

/// <summary>
/// Runs the grain storage queries our schema puts in OrleansQuery the way Orleans' ADO.NET provider does: by key,
/// with its parameter names and types, reading its result column names. A string-keyed grain has N0 = N1 = 0 and
/// its key in GrainIdExtensionString.
/// </summary>
public sealed class OrleansStorageQueries(TestDatabase db, string serviceId = "gridcommand")
{
    public async Task<int?> Write(string kind, string id, int? version, byte[] payload)
    {
        var rows = await Run("WriteToStorageKey", kind, id, version, payload);
        return rows.Select(r => (int?)Convert.ToInt32(r["NewGrainStateVersion"])).SingleOrDefault();
    }

    public async Task<(byte[]? Payload, int? Version)?> Read(string kind, string id)
    {
        var rows = await Run("ReadFromStorageKey", kind, id, null, null);
        return rows.Select(r => (r["PayloadBinary"] as byte[], (int?)Convert.ToInt32(r["Version"]))).Cast<(byte[]?, int?)?>().SingleOrDefault();
    }

    /// <returns>every row of every result set, its columns by name as Orleans reads them (case-insensitive).</returns>
    private async Task<List<Dictionary<string, object?>>> Run(string queryKey, string kind, string id, int? version, byte[]? payload)
    {
        await using var connection = Open();
        await connection.OpenAsync();
        var query = await connection.QuerySingleAsync<string>("SELECT QueryText FROM OrleansQuery WHERE QueryKey = @queryKey", new { queryKey });
        var parameters = new DynamicParameters();
        parameters.Add("GrainIdHash", id.GetHashCode(), DbType.Int32);
        parameters.Add("GrainIdN0", 0L, DbType.Int64);
        parameters.Add("GrainIdN1", 0L, DbType.Int64);
        parameters.Add("GrainTypeHash", kind.GetHashCode(), DbType.Int32);
        parameters.Add("GrainTypeString", kind, DbType.String);
        parameters.Add("GrainIdExtensionString", id, DbType.String);
        parameters.Add("ServiceId", serviceId, DbType.String);
        parameters.Add("GrainStateVersion", version, DbType.Int32);
        if (payload is not null) parameters.Add("PayloadBinary", payload, DbType.Binary);
        using var reader = await connection.ExecuteReaderAsync(query, parameters);
        var rows = new List<Dictionary<string, object?>>();
        do
        {
            while (await reader.ReadAsync())
                rows.Add(Enumerable.Range(0, reader.FieldCount).ToDictionary(reader.GetName,
                    i => reader.IsDBNull(i) ? null : reader.GetValue(i), StringComparer.OrdinalIgnoreCase));
        }
        while (await reader.NextResultAsync());
        return rows;
    }

    // A pool as small as the app's, so 200 writers queue here instead of exhausting the server's connections.
    private DbConnection Open() => db.Provider == "sqlite"
        ? new SqliteConnection(db.ConnectionString)
        : new NpgsqlConnection(new NpgsqlConnectionStringBuilder(db.ConnectionString) { MaxPoolSize = 20 }.ToString());
}
