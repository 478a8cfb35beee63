using GridCommand.Silo.Storage;
using Xunit;

namespace GridCommand.Tests.Storage;

/// <summary>A store test on its class's database (SQLite or PostgreSQL), with the product's schema in place.</summary>
public abstract class StoreContract(TestDatabase db) : IAsyncLifetime
{
    protected GridDatabase Database { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Database = GridDatabase.Create(db.Provider, db.ConnectionString, "gridcommand");
        await Database.EnsureSchemaAsync();
    }

    public async Task DisposeAsync() => await Database.DisposeAsync();
}
