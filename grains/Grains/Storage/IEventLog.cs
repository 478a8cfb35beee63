namespace GridCommand.Grains.Storage;

/// <summary>One line of the append-only history: who did what, when, to which grain.</summary>
public sealed record GrainEvent(
    DateTimeOffset At,
    string Actor,
    string What,
    string GrainKind,
    string GrainId,
    string? Data = null);

public sealed record LoggedEvent(long Sequence, GrainEvent Event);

/// <summary>The append-only event table: the audit log and the source of the KPI reports.</summary>
public interface IEventLog
{
    Task AppendAsync(GrainEvent e, CancellationToken ct = default);

    Task<IReadOnlyList<LoggedEvent>> ReadAsync(string grainKind, string grainId, CancellationToken ct = default);

    Task<IReadOnlyList<LoggedEvent>> ReadSinceAsync(DateTimeOffset since, int limit, CancellationToken ct = default);

    /// <summary>The data of the events named <paramref name="what"/> logged from <paramref name="from"/> to before <paramref name="to"/>, streamed (a year of them is millions).</summary>
    IAsyncEnumerable<string> ReadDataAsync(string what, DateTimeOffset from, DateTimeOffset to, CancellationToken ct = default);
}
