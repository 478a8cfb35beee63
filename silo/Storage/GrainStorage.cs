using System.Data.Common;
using Dapper;
using GridCommand.Grains.Storage;

namespace GridCommand.Silo.Storage;

/// <summary>
/// The grain state store and the event log over one database, SQLite or PostgreSQL, through one
/// ADO.NET + Dapper code path. Call <see cref="EnsureSchemaAsync"/> once on start.
/// </summary>
public sealed class GrainStorage : IAsyncDisposable
{
    private readonly SqlDialect dialect;
    private readonly DbDataSource source;
    private readonly string connectionString;

    private GrainStorage(SqlDialect dialect, string connectionString)
    {
        this.dialect = dialect;
        this.connectionString = connectionString;
        source = dialect.CreateDataSource(connectionString);
        States = new AdoGrainStateStore(OpenAsync);
        Events = new AdoEventLog(OpenAsync);
    }

    /// <param name="provider">"sqlite" or "postgres" (also "postgresql"), case-insensitive.</param>
    /// <exception cref="ArgumentException">for any other provider.</exception>
    public static GrainStorage Create(string provider, string connectionString) =>
        new(SqlDialect.For(provider), connectionString);

    /// <summary>"sqlite" or "postgres".</summary>
    public string Provider => dialect.Provider;

    public IGrainStateStore States { get; }

    public IEventLog Events { get; }

    /// <summary>Creates the tables and indexes if missing (deploy/sql/*.sql); safe to run every start.</summary>
    public async Task EnsureSchemaAsync(CancellationToken ct = default)
    {
        await using var db = await OpenAsync(ct);
        await db.ExecuteAsync(new CommandDefinition(dialect.ReadSchema(), cancellationToken: ct));
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
