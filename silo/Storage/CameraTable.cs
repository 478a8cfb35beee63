using System.Data.Common;
using Dapper;
using GridCommand.Rules.Cameras;
using GridCommand.Rules.Geo;

namespace GridCommand.Silo.Storage;

/// <summary>How many cameras a save added and how many it updated.</summary>
public sealed record CameraSaveCounts(int Added, int Updated);

/// <summary>How many cameras a grid cell holds (the map's zoomed-out layer).</summary>
public sealed record CellCameraCount(string CellId, int Count);

/// <summary>
/// The camera table: the city's camera catalogue (tens of thousands of rows), read by id, by map box in id order
/// (pages that stay stable while cameras are added), or by cell counts.
/// </summary>
/// <param name="rowsPerStatement">cameras per INSERT: many on PostgreSQL, where each statement is a round trip; one on SQLite (as <see cref="TrackTable"/>)</param>
public sealed class CameraTable(Func<CancellationToken, Task<DbConnection>> open, int rowsPerStatement)
{
    private const string Insert = "INSERT INTO camera (id, name, lat, lon, cell_id, kind, owner, stream_url, snapshot_url, updated_at) VALUES";

    private const string UpsertTail = """
        ON CONFLICT (id) DO UPDATE SET name = excluded.name, lat = excluded.lat, lon = excluded.lon, cell_id = excluded.cell_id,
            kind = excluded.kind, owner = excluded.owner, stream_url = excluded.stream_url, snapshot_url = excluded.snapshot_url,
            updated_at = excluded.updated_at
        """;

    private const string Columns = """
        id AS Id, name AS Name, lat AS Lat, lon AS Lon, cell_id AS CellId, kind AS Kind, owner AS Owner,
        stream_url AS StreamUrl, snapshot_url AS SnapshotUrl
        """;

    /// <summary>Ids per IN list: well under both databases' parameter limits.</summary>
    private const int IdsPerQuery = 500;

    /// <summary>
    /// Cameras per transaction: a 60,000-camera import must not hold SQLite's one writer for many seconds, while the grains'
    /// own writes wait behind it. An import cut short has saved its first batches; importing it again finishes it.
    /// </summary>
    private const int CamerasPerTransaction = 2000;

    /// <summary>Adds or updates the cameras by id, a few thousand to a transaction.</summary>
    public async Task<CameraSaveCounts> SaveAsync(IReadOnlyList<Camera> cameras, DateTimeOffset now, CancellationToken ct = default)
    {
        var (added, updated) = (0, 0);
        await using var db = await open(ct);
        foreach (var batch in cameras.Chunk(CamerasPerTransaction))
        {
            await using var transaction = await db.BeginTransactionAsync(ct);
            var known = await CountKnown(db, batch, transaction, ct);
            var at = DbTime.ToDb(now);
            if (rowsPerStatement == 1)
            {
                await db.ExecuteAsync(new CommandDefinition(
                    $"{Insert} (@Id, @Name, @Lat, @Lon, @CellId, @Kind, @Owner, @StreamUrl, @SnapshotUrl, @at) {UpsertTail}",
                    batch.Select(c => new { c.Id, c.Name, c.Lat, c.Lon, c.CellId, c.Kind, c.Owner, c.StreamUrl, c.SnapshotUrl, at }), transaction,
                    cancellationToken: ct));
            }
            else
            {
                foreach (var chunk in batch.Chunk(rowsPerStatement)) await db.ExecuteAsync(MultiRowInsert.Of(Insert, UpsertTail, chunk,
                    c => [c.Id, c.Name, c.Lat, c.Lon, c.CellId, c.Kind, c.Owner, c.StreamUrl, c.SnapshotUrl, at], transaction, ct));
            }
            await transaction.CommitAsync(ct);
            (added, updated) = (added + batch.Length - known, updated + known);
        }
        return new(added, updated);
    }

    /// <returns>how many of <paramref name="cameras"/> the table has already.</returns>
    private static async Task<int> CountKnown(DbConnection db, Camera[] cameras, DbTransaction transaction, CancellationToken ct)
    {
        var known = 0;
        foreach (var chunk in cameras.Chunk(IdsPerQuery))
        {
            // A parameter per id: Dapper's list expansion becomes an array parameter on Npgsql, which IN does not take.
            var ids = new DynamicParameters();
            for (var i = 0; i < chunk.Length; i++) ids.Add($"i{i}", chunk[i].Id);
            var list = string.Join(", ", chunk.Select((_, i) => $"@i{i}"));
            known += await db.ExecuteScalarAsync<int>(new CommandDefinition($"SELECT COUNT(*) FROM camera WHERE id IN ({list})", ids, transaction, cancellationToken: ct));
        }
        return known;
    }

    public async Task<Camera?> FindAsync(string id, CancellationToken ct = default)
    {
        await using var db = await open(ct);
        return await db.QuerySingleOrDefaultAsync<Camera>(new CommandDefinition($"SELECT {Columns} FROM camera WHERE id = @id", new { id }, cancellationToken: ct));
    }

    /// <returns>false when there was no such camera.</returns>
    public async Task<bool> DeleteAsync(string id, CancellationToken ct = default)
    {
        await using var db = await open(ct);
        return await db.ExecuteAsync(new CommandDefinition("DELETE FROM camera WHERE id = @id", new { id }, cancellationToken: ct)) > 0;
    }

    /// <returns>the cameras inside <paramref name="box"/> (all of them for null) in id order, at most <paramref name="limit"/>, after the id <paramref name="after"/>.</returns>
    public async Task<IReadOnlyList<Camera>> ReadAsync(GeoBounds? box, int limit, string? after, CancellationToken ct = default)
    {
        var where = new List<string>();
        if (box is not null) where.Add("lat >= @South AND lat <= @North AND lon >= @West AND lon <= @East");
        if (after is not null) where.Add("id > @after");
        var sql = $"SELECT {Columns} FROM camera {(where.Count == 0 ? "" : "WHERE " + string.Join(" AND ", where))} ORDER BY id LIMIT @limit";
        await using var db = await open(ct);
        return [.. await db.QueryAsync<Camera>(new CommandDefinition(sql,
            new { box?.South, box?.West, box?.North, box?.East, after, limit }, cancellationToken: ct))];
    }

    /// <returns>the nearest cameras to <paramref name="at"/> within <paramref name="meters"/>, closest first.</returns>
    public async Task<IReadOnlyList<NearbyCamera>> NearestAsync(GeoPoint at, int count, double meters, CancellationToken ct = default)
    {
        var box = NearestCameras.BoxAround(at, meters);
        await using var db = await open(ct);
        var inBox = await db.QueryAsync<Camera>(new CommandDefinition(
            $"SELECT {Columns} FROM camera WHERE lat >= @South AND lat <= @North AND lon >= @West AND lon <= @East",
            new { box.South, box.West, box.North, box.East }, cancellationToken: ct));
        return NearestCameras.Of(inBox, at, count, meters);
    }

    /// <returns>every cell's number of cameras (cells with none left out).</returns>
    public async Task<IReadOnlyList<CellCameraCount>> CountByCellAsync(CancellationToken ct = default)
    {
        await using var db = await open(ct);
        var rows = await db.QueryAsync<(string CellId, long Count)>(new CommandDefinition(
            "SELECT cell_id, COUNT(*) FROM camera GROUP BY cell_id ORDER BY cell_id", cancellationToken: ct));
        return [.. rows.Select(r => new CellCameraCount(r.CellId, (int)r.Count))];
    }
}
