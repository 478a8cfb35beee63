namespace GridCommand.Grains.Storage;

/// <summary>One stored grain: the row shape of Orleans' AdoNet grain storage (kind, id, version, payload, modified).</summary>
public sealed record StoredGrain(string Kind, string Id, long Version, string Payload, DateTimeOffset Modified);

/// <summary>
/// Grain state persistence with optimistic concurrency: a write names the version it read
/// (0 for a grain never written) and fails with <see cref="GrainVersionConflictException"/> if the
/// row has moved on since.
/// </summary>
public interface IGrainStateStore
{
    Task<StoredGrain?> ReadAsync(string kind, string id, CancellationToken ct = default);

    /// <returns>the new version (expectedVersion + 1).</returns>
    Task<long> WriteAsync(string kind, string id, long expectedVersion, string payload, CancellationToken ct = default);

    /// <summary>Every stored grain of one kind (read models load their starting picture from it).</summary>
    Task<IReadOnlyList<StoredGrain>> ReadAllAsync(string kind, CancellationToken ct = default);
}

public sealed class GrainVersionConflictException(string kind, string id, long expectedVersion)
    : Exception($"{kind}/{id} is no longer at version {expectedVersion}: someone else wrote it first")
{
    public string Kind { get; } = kind;
    public string Id { get; } = id;
    public long ExpectedVersion { get; } = expectedVersion;
}
