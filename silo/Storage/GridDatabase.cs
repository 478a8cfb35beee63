using System.Data.Common;
using Dapper;
using GridCommand.Grains.Storage;

namespace GridCommand.Silo.Storage;

/// <summary>
/// GridCommand's database, SQLite or PostgreSQL: the schema (Orleans' grain storage and, on PostgreSQL, its
/// cluster membership, beside our own tables), the event log, the position journal's table and the stored
/// grain states for read models. One ADO.NET + Dapper code path for both databases.
/// </summary>
public sealed class GridDatabase : IAsyncDisposable
{
    private readonly SqlDialect dialect;
    private readonly DbDataSource source;
    private readonly string connectionString;

    private GridDatabase(SqlDialect dialect, string connectionString, string serviceId)
    {
        this.dialect = dialect;
        this.connectionString = connectionString;
        source = dialect.CreateDataSource(connectionString);
        Events = new AdoEventLog(OpenAsync);
        Positions = new PositionTable(OpenAsync);
        Tracks = new TrackTable(OpenAsync, rowsPerStatement: dialect == SqlDialect.Postgres ? 200 : 1);
        Grains = new StoredGrains(OpenAsync, serviceId);
        Checkins = new CheckinTable(OpenAsync);
        PerformanceDays = new PerformanceDayTable(OpenAsync);
        Cameras = new CameraTable(OpenAsync, rowsPerStatement: dialect == SqlDialect.Postgres ? 200 : 1);
    }

    /// <param name="provider">"sqlite" or "postgres" (also "postgresql"), case-insensitive.</param>
    /// <param name="serviceId">the Orleans service whose grain states <see cref="Grains"/> reads</param>
    /// <exception cref="ArgumentException">for any other provider.</exception>
    public static GridDatabase Create(string provider, string connectionString, string serviceId) =>
        new(SqlDialect.For(provider), connectionString, serviceId);

    /// <summary>"sqlite" or "postgres".</summary>
    public string Provider => dialect.Provider;

    /// <summary>The ADO.NET invariant name Orleans' providers take for this database.</summary>
    public string OrleansInvariant => dialect.OrleansInvariant;

    /// <summary>The connection string as Orleans' providers should use it.</summary>
    public string OrleansConnectionString =>
        dialect == SqlDialect.Postgres ? SqlDialect.WithDefaultPoolSize(connectionString) : connectionString;

    public IEventLog Events { get; }

    public PositionTable Positions { get; }

    /// <summary>The units' tracks, for replays.</summary>
    public TrackTable Tracks { get; }

    public StoredGrains Grains { get; }

    /// <summary>The units' field check-ins and their photos.</summary>
    public CheckinTable Checkins { get; }

    /// <summary>Past days' incident records and check-ins added up, for the stations' performance.</summary>
    public PerformanceDayTable PerformanceDays { get; }
    /// <summary>The camera catalogue (雪亮).</summary>
    public CameraTable Cameras { get; }

    /// <summary>
    /// Creates what is missing (deploy/sql/*.sql, embedded): safe to run at every start, and by several silos at
    /// once. With <paramref name="clustering"/> on PostgreSQL, the cluster membership tables too.
    /// </summary>
    public async Task EnsureSchemaAsync(bool clustering = false, CancellationToken ct = default)
    {
        var script = SqlDialect.ReadScript(dialect.SchemaFile);
        if (clustering && dialect.ClusteringSchemaFile is { } membership) script += "\n" + SqlDialect.ReadScript(membership);
        await using var db = await OpenAsync(ct);
        if (dialect.SchemaLock is not { } schemaLock)
        {
            await db.ExecuteAsync(new CommandDefinition(script, cancellationToken: ct));
            return;
        }
        await using var transaction = await db.BeginTransactionAsync(ct);
        await db.ExecuteAsync(new CommandDefinition(schemaLock, transaction: transaction, cancellationToken: ct));
        await db.ExecuteAsync(new CommandDefinition(script, transaction: transaction, cancellationToken: ct));
        await transaction.CommitAsync(ct);
    }

    public async ValueTask DisposeAsync()
    {
        await source.DisposeAsync();
        dialect.ReleasePool?.Invoke(connectionString);
    }

    private async Task<DbConnection> OpenAsync(CancellationToken ct)
    {
        var db = await source.OpenConnectionAsync(ct);
        if (dialect.SessionSql is not { } sql)
        {
            return db;
        }
        try
        {
            await db.ExecuteAsync(new CommandDefinition(sql, cancellationToken: ct));
            return db;
        }
        catch
        {
            await db.DisposeAsync();
            throw;
        }
    }
}
