using System.Data.Common;
using Dapper;
using GridCommand.Rules.Geo;
using GridCommand.Rules.Tracks;

namespace GridCommand.Silo.Storage;

/// <summary>
/// One piece of a unit's track as the unit_track table keeps it: the unit's points in one time bucket and one tile
/// (<see cref="TrackGrid"/>), packed (<see cref="TrackCodec"/>). <paramref name="Piece"/>, the Unix milliseconds of
/// the piece's first point, tells apart the pieces two silos (or a silo before and after a restart) wrote for the
/// same unit, bucket and tile, so no writer ever overwrites another's points.
/// </summary>
public sealed record TrackPiece(string UnitId, long Bucket, int Tile, long Piece, int Count, byte[] Packed);

/// <summary>The unit_track table: units' tracks, a row per piece, found by unit and time or by tile and time.</summary>
/// <param name="rowsPerStatement">
/// pieces per INSERT: many on PostgreSQL, where each statement is a round trip (single-row upserts went about 4,000 a
/// second here, 200-row ones about 14,000 rows a second); one on SQLite, in process, where one single-row statement,
/// prepared once for the batch, went 100,000–200,000 points a second, and 200-row statements several times slower.
/// </param>
public sealed class TrackTable(Func<CancellationToken, Task<DbConnection>> open, int rowsPerStatement)
{
    private const string Insert = "INSERT INTO unit_track (unit_id, bucket, tile, piece, point_count, packed) VALUES";

    private const string UpsertTail = """
        ON CONFLICT (unit_id, bucket, tile, piece) DO UPDATE SET point_count = excluded.point_count, packed = excluded.packed
        WHERE excluded.point_count >= unit_track.point_count
        """;

    private const string Columns = "unit_id AS UnitId, bucket AS Bucket, packed AS Packed";

    /// <summary>Saves pieces in one transaction (on PostgreSQL many to a statement); a piece saved again replaces its shorter self.</summary>
    public async Task SaveAsync(IReadOnlyCollection<TrackPiece> pieces, CancellationToken ct = default)
    {
        if (pieces.Count == 0) return;
        await using var db = await open(ct);
        await using var transaction = await db.BeginTransactionAsync(ct);
        if (rowsPerStatement == 1)
        {
            await db.ExecuteAsync(new CommandDefinition($"{Insert} (@UnitId, @Bucket, @Tile, @Piece, @Count, @Packed) {UpsertTail}",
                pieces, transaction, cancellationToken: ct));
        }
        else
        {
            foreach (var chunk in pieces.Chunk(rowsPerStatement)) await db.ExecuteAsync(MultiRowInsert.Of(Insert, UpsertTail, chunk,
                p => [p.UnitId, p.Bucket, p.Tile, p.Piece, p.Count, p.Packed], transaction, ct));
        }
        await transaction.CommitAsync(ct);
    }

    /// <returns>each unit's points in the window, oldest first; units with none are left out.</returns>
    /// <remarks>One seek per unit: a replay names a few. (A list parameter is expanded by Dapper on SQLite but sent as an array to PostgreSQL.)</remarks>
    public async Task<IReadOnlyDictionary<string, List<TrackPoint>>> ReadUnitsAsync(
        IReadOnlyCollection<string> unitIds, ReplayWindow window, CancellationToken ct = default)
    {
        await using var db = await open(ct);
        var rows = new List<Row>();
        foreach (var unitId in unitIds)
        {
            rows.AddRange(await db.QueryAsync<Row>(new CommandDefinition(
                $"SELECT {Columns} FROM unit_track WHERE unit_id = @unitId AND bucket BETWEEN @first AND @last",
                new { unitId, first = TrackGrid.Bucket(window.From), last = TrackGrid.Bucket(window.To) }, cancellationToken: ct)));
        }
        return Tracks(rows, window, _ => true);
    }

    /// <returns>the points in the window of every unit that was inside the box in it (their points in the tiles the box touches), oldest first.</returns>
    /// <remarks>The buckets and tiles are numbers made here, written into the statement: one index seek per bucket and tile on either database.</remarks>
    public async Task<IReadOnlyDictionary<string, List<TrackPoint>>> ReadAreaAsync(GeoBounds box, ReplayWindow window, CancellationToken ct = default)
    {
        var buckets = string.Join(",", TrackGrid.Buckets(window.From, window.To));
        var tiles = string.Join(",", TrackGrid.Tiles(box));
        await using var db = await open(ct);
        var rows = await db.QueryAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM unit_track WHERE bucket IN ({buckets}) AND tile IN ({tiles})", cancellationToken: ct));
        return Tracks(rows, window, points => points.Exists(p => box.Contains(new GeoPoint(p.Lat, p.Lon))));
    }

    /// <summary>Deletes the pieces of the buckets that ended before <paramref name="before"/>.</summary>
    /// <returns>how many pieces were deleted.</returns>
    public async Task<int> PruneAsync(DateTimeOffset before, CancellationToken ct = default)
    {
        await using var db = await open(ct);
        return await db.ExecuteAsync(new CommandDefinition(
            "DELETE FROM unit_track WHERE bucket <= @last",
            new { last = before.ToUnixTimeSeconds() - (long)TrackGrid.BucketLength.TotalSeconds }, cancellationToken: ct));
    }

    /// <summary>The table's and its indexes' size on PostgreSQL, in bytes (on SQLite the file is the figure: ask the file system).</summary>
    public async Task<long> SizeOnDiskAsync(CancellationToken ct = default)
    {
        await using var db = await open(ct);
        return await db.ExecuteScalarAsync<long>(new CommandDefinition("SELECT pg_total_relation_size('unit_track')", cancellationToken: ct));
    }

    private static Dictionary<string, List<TrackPoint>> Tracks(IEnumerable<Row> rows, ReplayWindow window, Predicate<List<TrackPoint>> wanted)
    {
        var tracks = new Dictionary<string, List<TrackPoint>>();
        foreach (var row in rows)
        {
            var points = TrackCodec.Unpack(DateTimeOffset.FromUnixTimeSeconds(row.Bucket), row.Packed);
            points.RemoveAll(p => !window.Contains(p.At));
            if (points.Count == 0) continue;
            if (tracks.TryGetValue(row.UnitId, out var track)) track.AddRange(points);
            else tracks[row.UnitId] = points;
        }
        foreach (var (unitId, track) in tracks.ToList())
        {
            if (!wanted(track)) tracks.Remove(unitId);
            else track.Sort((a, b) => a.At.CompareTo(b.At));
        }
        return tracks;
    }

    private sealed class Row
    {
        public string UnitId { get; init; } = "";
        public long Bucket { get; init; }
        public byte[] Packed { get; init; } = [];
    }
}
