using System.Data.Common;
using Dapper;
using GridCommand.Grains.Storage;
using GridCommand.Rules.Geo;
using GridCommand.Rules.Units;

namespace GridCommand.Silo.Storage;

/// <summary>The unit_position table: each unit's newest fix. A saved fix never replaces a newer one.</summary>
public sealed class PositionTable(Func<CancellationToken, Task<DbConnection>> open)
{
    private const string Upsert = """
        INSERT INTO unit_position (unit_id, lat, lon, at, speed_kmh, heading_deg, accuracy_m, seq)
        VALUES (@unitId, @lat, @lon, @at, @speedKmh, @headingDeg, @accuracyM, @seq)
        ON CONFLICT (unit_id) DO UPDATE SET
            lat = excluded.lat, lon = excluded.lon, at = excluded.at, speed_kmh = excluded.speed_kmh,
            heading_deg = excluded.heading_deg, accuracy_m = excluded.accuracy_m, seq = excluded.seq
        WHERE excluded.at > unit_position.at
        """;

    /// <summary>Saves many units' fixes in one transaction.</summary>
    public async Task SaveAsync(IReadOnlyCollection<KeyValuePair<string, JournaledFix>> fixes, CancellationToken ct = default)
    {
        await using var db = await open(ct);
        await using var transaction = await db.BeginTransactionAsync(ct);
        await db.ExecuteAsync(new CommandDefinition(Upsert, fixes.Select(f => new
        {
            unitId = f.Key,
            lat = f.Value.Fix.Position.Lat,
            lon = f.Value.Fix.Position.Lon,
            at = DbTime.ToDb(f.Value.Fix.At),
            speedKmh = f.Value.Fix.SpeedKmh,
            headingDeg = f.Value.Fix.HeadingDeg,
            accuracyM = f.Value.Fix.AccuracyM,
            seq = f.Value.Seq,
        }), transaction, cancellationToken: ct));
        await transaction.CommitAsync(ct);
    }

    public async Task<JournaledFix?> ReadAsync(string unitId, CancellationToken ct = default)
    {
        await using var db = await open(ct);
        var row = await db.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            """
            SELECT lat AS Lat, lon AS Lon, at AS At, speed_kmh AS SpeedKmh, heading_deg AS HeadingDeg, accuracy_m AS AccuracyM, seq AS Seq
            FROM unit_position WHERE unit_id = @unitId
            """,
            new { unitId }, cancellationToken: ct));
        return row is null
            ? null
            : new JournaledFix(new PositionFix(new GeoPoint(row.Lat, row.Lon), DbTime.FromDb(row.At), row.SpeedKmh, row.HeadingDeg, row.AccuracyM), row.Seq);
    }

    private sealed class Row
    {
        public double Lat { get; init; }
        public double Lon { get; init; }
        public DateTime At { get; init; }
        public double? SpeedKmh { get; init; }
        public double? HeadingDeg { get; init; }
        public double? AccuracyM { get; init; }
        public long Seq { get; init; }
    }
}
