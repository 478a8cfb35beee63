using System.Data.Common;
using Dapper;
using GridCommand.Grains.Storage;
using GridCommand.Rules;
using GridCommand.Rules.Checkins;
using GridCommand.Rules.Units;

namespace GridCommand.Silo.Storage;

/// <summary>How many check-ins of a category a station's units made in a window (units with no station: a null station).</summary>
public sealed record StationCheckins(string? StationId, CheckinCategory Category, int Count);

/// <summary>A check-in's photo as kept: its media type (from its bytes) and the bytes.</summary>
public sealed record CheckinPhoto(string MediaType, byte[] Bytes);

/// <summary>
/// The checkin table (every check-in, newest first by cell or by time) and checkin_photo (their photos, read one at a
/// time). Categories and unit kinds are kept as their wire names, so the rows read as the API does.
/// </summary>
public sealed class CheckinTable(Func<CancellationToken, Task<DbConnection>> open) : ICheckinStore
{
    private const string Columns = """
        id AS Id, at AS At, unit_id AS UnitId, unit_name AS UnitName, unit_kind AS UnitKind, station_id AS StationId,
        cell_id AS CellId, category AS Category, note AS Note, lat AS Lat, lon AS Lon, photo_type AS PhotoType
        """;

    public async Task AddAsync(Checkin c, CancellationToken ct = default)
    {
        await using var db = await open(ct);
        await db.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO checkin (id, at, unit_id, unit_name, unit_kind, station_id, cell_id, category, note, lat, lon, photo_type)
            VALUES (@Id, @At, @UnitId, @UnitName, @UnitKind, @StationId, @CellId, @Category, @Note, @Lat, @Lon, @PhotoType)
            ON CONFLICT (id) DO NOTHING
            """,
            new
            {
                c.Id, At = DbTime.ToDb(c.At), c.UnitId, c.UnitName, UnitKind = GrainJson.WireName(c.UnitKind), c.StationId, c.CellId,
                Category = GrainJson.WireName(c.Category), c.Note, c.Lat, c.Lon, c.PhotoType,
            },
            cancellationToken: ct));
    }

    /// <returns>
    /// the cell's check-ins newest first, at most <paramref name="limit"/>, after the check-in <paramref name="after"/>
    /// (one of the cell's: null when it is not).
    /// </returns>
    public async Task<IReadOnlyList<Checkin>?> ReadCellAsync(string cellId, int limit, string? after, CancellationToken ct = default)
    {
        await using var db = await open(ct);
        if (after is null)
        {
            return await Query(db, $"SELECT {Columns} FROM checkin WHERE cell_id = @cellId ORDER BY at DESC, id DESC LIMIT @limit",
                new { cellId, limit }, ct);
        }
        var afterAt = await db.QuerySingleOrDefaultAsync<DateTime?>(new CommandDefinition(
            "SELECT at FROM checkin WHERE id = @after AND cell_id = @cellId", new { after, cellId }, cancellationToken: ct));
        if (afterAt is not { } at) return null;
        return await Query(db,
            $"""
             SELECT {Columns} FROM checkin WHERE cell_id = @cellId AND (at < @at OR (at = @at AND id < @after))
             ORDER BY at DESC, id DESC LIMIT @limit
             """,
            new { cellId, at, after, limit }, ct);
    }

    /// <returns>the city's check-ins since <paramref name="since"/>, newest first, at most <paramref name="limit"/>.</returns>
    public async Task<IReadOnlyList<Checkin>> ReadSinceAsync(DateTimeOffset since, int limit, CancellationToken ct = default)
    {
        await using var db = await open(ct);
        return await Query(db, $"SELECT {Columns} FROM checkin WHERE at >= @since ORDER BY at DESC, id DESC LIMIT @limit",
            new { since = DbTime.ToDb(since), limit }, ct);
    }

    /// <returns>the check-ins from <paramref name="from"/> to before <paramref name="to"/> (a city day, say) counted by station and category.</returns>
    public async Task<IReadOnlyList<StationCheckins>> CountByStationAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken ct = default)
    {
        await using var db = await open(ct);
        var rows = await db.QueryAsync<(string? StationId, string Category, long Count)>(new CommandDefinition(
            """
            SELECT station_id, category, COUNT(*) FROM checkin WHERE at >= @from AND at < @to
            GROUP BY station_id, category ORDER BY station_id, category
            """,
            new { from = DbTime.ToDb(from), to = DbTime.ToDb(to) }, cancellationToken: ct));
        return [.. rows.Select(r => new StationCheckins(r.StationId, Wire<CheckinCategory>(r.Category), (int)r.Count))];
    }

    /// <summary>Keeps a check-in's photo (before the check-in itself: a check-in that names a photo always has it).</summary>
    public async Task SavePhotoAsync(string checkinId, CheckinPhoto photo, CancellationToken ct = default)
    {
        await using var db = await open(ct);
        await db.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO checkin_photo (checkin_id, media_type, bytes) VALUES (@checkinId, @mediaType, @bytes)
            ON CONFLICT (checkin_id) DO UPDATE SET media_type = excluded.media_type, bytes = excluded.bytes
            """,
            new { checkinId, mediaType = photo.MediaType, bytes = photo.Bytes }, cancellationToken: ct));
    }

    public async Task<CheckinPhoto?> ReadPhotoAsync(string checkinId, CancellationToken ct = default)
    {
        await using var db = await open(ct);
        var row = await db.QuerySingleOrDefaultAsync<PhotoRow>(new CommandDefinition(
            "SELECT media_type AS MediaType, bytes AS Bytes FROM checkin_photo WHERE checkin_id = @checkinId",
            new { checkinId }, cancellationToken: ct));
        return row is null ? null : new CheckinPhoto(row.MediaType, row.Bytes);
    }

    private static T Wire<T>(string name) where T : struct, Enum => GrainJson.Deserialize<T>($"\"{name}\"");

    private static async Task<IReadOnlyList<Checkin>> Query(DbConnection db, string sql, object parameters, CancellationToken ct) =>
        [.. (await db.QueryAsync<Row>(new CommandDefinition(sql, parameters, cancellationToken: ct))).Select(r => r.ToCheckin())];

    private sealed class Row
    {
        public string Id { get; init; } = "";
        public DateTime At { get; init; }
        public string UnitId { get; init; } = "";
        public string UnitName { get; init; } = "";
        public string UnitKind { get; init; } = "";
        public string? StationId { get; init; }
        public string CellId { get; init; } = "";
        public string Category { get; init; } = "";
        public string? Note { get; init; }
        public double Lat { get; init; }
        public double Lon { get; init; }
        public string? PhotoType { get; init; }

        public Checkin ToCheckin() =>
            new(Id, UnitId, UnitName, Wire<UnitKind>(UnitKind), StationId, CellId, Wire<CheckinCategory>(Category), Note, Lat, Lon, DbTime.FromDb(At), PhotoType);
    }

    private sealed class PhotoRow
    {
        public string MediaType { get; init; } = "";
        public byte[] Bytes { get; init; } = [];
    }
}
