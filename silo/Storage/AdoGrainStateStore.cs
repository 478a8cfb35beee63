using System.Data.Common;
using Dapper;
using GridCommand.Grains.Storage;

namespace GridCommand.Silo.Storage;

/// <summary>The grain_state table. Every write is one statement, one round trip.</summary>
internal sealed class AdoGrainStateStore(Func<CancellationToken, Task<DbConnection>> open)
    : IGrainStateStore
{
    private const string Columns = "kind AS Kind, id AS Id, version AS Version, payload AS Payload, modified AS Modified";

    // An existing row means someone else created the grain first: 0 rows affected, a conflict.
    private const string Insert = """
        INSERT INTO grain_state (kind, id, version, payload, modified)
        VALUES (@kind, @id, 1, @payload, @modified)
        ON CONFLICT (kind, id) DO NOTHING
        """;

    private const string Update = """
        UPDATE grain_state SET version = version + 1, payload = @payload, modified = @modified
        WHERE kind = @kind AND id = @id AND version = @expectedVersion
        """;

    public async Task<StoredGrain?> ReadAsync(string kind, string id, CancellationToken ct = default)
    {
        await using var db = await open(ct);
        var row = await db.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM grain_state WHERE kind = @kind AND id = @id", new { kind, id }, cancellationToken: ct));
        return row?.ToStoredGrain();
    }

    public async Task<long> WriteAsync(string kind, string id, long expectedVersion, string payload, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(expectedVersion);
        var modified = DbTime.ToDb(DateTimeOffset.UtcNow);
        await using var db = await open(ct);
        var rows = await db.ExecuteAsync(new CommandDefinition(
            expectedVersion == 0 ? Insert : Update,
            new { kind, id, expectedVersion, payload, modified },
            cancellationToken: ct));
        return rows == 1 ? expectedVersion + 1 : throw new GrainVersionConflictException(kind, id, expectedVersion);
    }

    public async Task<IReadOnlyList<StoredGrain>> ReadAllAsync(string kind, CancellationToken ct = default)
    {
        await using var db = await open(ct);
        var rows = await db.QueryAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM grain_state WHERE kind = @kind ORDER BY id", new { kind }, cancellationToken: ct));
        return [.. rows.Select(r => r.ToStoredGrain())];
    }

    private sealed class Row
    {
        public string Kind { get; init; } = "";
        public string Id { get; init; } = "";
        public long Version { get; init; }
        public string Payload { get; init; } = "";
        public DateTime Modified { get; init; }

        public StoredGrain ToStoredGrain() => new(Kind, Id, Version, Payload, DbTime.FromDb(Modified));
    }
}
