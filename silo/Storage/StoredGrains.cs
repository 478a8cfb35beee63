using System.Data.Common;
using Dapper;
using GridCommand.Rules;

namespace GridCommand.Silo.Storage;

/// <summary>One grain's stored state: its id, the storage version (ETag) and its JSON.</summary>
public sealed record StoredGrain(string Id, long Version, byte[] Payload)
{
    public T State<T>() => GrainJson.Deserialize<T>(Payload);
}

/// <summary>
/// Every stored state of one grain kind, read straight from Orleans' storage table (our storage serializer
/// writes JSON; ids are stored as <see cref="StorageKeys"/> say): read models such as a web node's live picture start from it.
/// </summary>
public sealed class StoredGrains(Func<CancellationToken, Task<DbConnection>> open, string serviceId)
{
    public async Task<IReadOnlyList<StoredGrain>> ReadAllAsync(string kind, CancellationToken ct = default)
    {
        await using var db = await open(ct);
        var rows = await db.QueryAsync<Row>(new CommandDefinition(
            """
            SELECT GrainIdExtensionString AS Id, Version, PayloadBinary AS Payload
            FROM OrleansStorage
            WHERE ServiceId = @serviceId AND GrainTypeString = @kind AND PayloadBinary IS NOT NULL
            ORDER BY GrainIdExtensionString
            """,
            new { serviceId, kind }, cancellationToken: ct));
        return rows.Select(r => new StoredGrain(StorageKeys.IdOf(r.Id), r.Version, r.Payload)).ToList();
    }

    /// <summary>One grain's stored state, or null: what a request may check without waking the grain (or making one).</summary>
    public async Task<StoredGrain?> ReadAsync(string kind, string id, CancellationToken ct = default)
    {
        await using var db = await open(ct);
        var row = await db.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            """
            SELECT GrainIdExtensionString AS Id, Version, PayloadBinary AS Payload
            FROM OrleansStorage
            WHERE ServiceId = @serviceId AND GrainTypeString = @kind AND GrainIdExtensionString = @id AND PayloadBinary IS NOT NULL
            """,
            new { serviceId, kind, id = StorageKeys.Of(id) }, cancellationToken: ct));
        return row is null ? null : new StoredGrain(id, row.Version, row.Payload);
    }

    private sealed class Row
    {
        public string Id { get; init; } = "";
        public long Version { get; init; }
        public byte[] Payload { get; init; } = [];
    }
}
