using System.Data.Common;
using System.Runtime.CompilerServices;
using Dapper;
using GridCommand.Grains.Storage;

namespace GridCommand.Silo.Storage;

/// <summary>The append-only grain_event table.</summary>
internal sealed class AdoEventLog(Func<CancellationToken, Task<DbConnection>> open) : IEventLog
{
    private const string Columns =
        "seq AS Seq, at AS At, actor AS Actor, what AS What, grain_kind AS GrainKind, grain_id AS GrainId, data AS Data";

    public async Task AppendAsync(GrainEvent e, CancellationToken ct = default)
    {
        await using var db = await open(ct);
        await db.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO grain_event (at, actor, what, grain_kind, grain_id, data)
            VALUES (@at, @actor, @what, @grainKind, @grainId, @data)
            """,
            new { at = DbTime.ToDb(e.At), actor = e.Actor, what = e.What, grainKind = e.GrainKind, grainId = e.GrainId, data = e.Data },
            cancellationToken: ct));
    }

    public async Task<IReadOnlyList<LoggedEvent>> ReadAsync(string grainKind, string grainId, CancellationToken ct = default)
    {
        await using var db = await open(ct);
        var rows = await db.QueryAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM grain_event WHERE grain_kind = @grainKind AND grain_id = @grainId ORDER BY seq",
            new { grainKind, grainId },
            cancellationToken: ct));
        return [.. rows.Select(r => r.ToLoggedEvent())];
    }

    public async Task<IReadOnlyList<LoggedEvent>> ReadSinceAsync(DateTimeOffset since, int limit, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        await using var db = await open(ct);
        var rows = await db.QueryAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM grain_event WHERE at >= @since ORDER BY at, seq LIMIT @limit",
            new { since = DbTime.ToDb(since), limit },
            cancellationToken: ct));
        return [.. rows.Select(r => r.ToLoggedEvent())];
    }

    public async IAsyncEnumerable<string> ReadDataAsync(string what, DateTimeOffset from, DateTimeOffset to,
        [EnumeratorCancellation] CancellationToken ct = default)
    {
        await using var db = await open(ct);
        await using var reader = await db.ExecuteReaderAsync(new CommandDefinition(
            "SELECT data FROM grain_event WHERE what = @what AND at >= @from AND at < @to AND data IS NOT NULL",
            new { what, from = DbTime.ToDb(from), to = DbTime.ToDb(to) }, cancellationToken: ct));
        while (await reader.ReadAsync(ct)) yield return reader.GetString(0);
    }

    private sealed class Row
    {
        public long Seq { get; init; }
        public DateTime At { get; init; }
        public string Actor { get; init; } = "";
        public string What { get; init; } = "";
        public string GrainKind { get; init; } = "";
        public string GrainId { get; init; } = "";
        public string? Data { get; init; }

        public LoggedEvent ToLoggedEvent() => new(Seq, new GrainEvent(DbTime.FromDb(At), Actor, What, GrainKind, GrainId, Data));
    }
}
