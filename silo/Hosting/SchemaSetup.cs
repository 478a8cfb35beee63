using GridCommand.Silo.Storage;

namespace GridCommand.Silo.Hosting;

/// <summary>
/// Before anything else in the silo starts (the grain storage reads its queries from the database at start),
/// creates the schema where it is missing: storage, our tables and, when clustering is on PostgreSQL, membership.
/// </summary>
public sealed class SchemaSetup(GridDatabase database, ClusterSettings cluster, StorageSettings storage) : ILifecycleParticipant<ISiloLifecycle>
{
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(SchemaSetup), ServiceLifecycleStage.First, EnsureAsync);

    private async Task EnsureAsync(CancellationToken ct)
    {
        var membershipHere = cluster.OnPostgres && storage.OnPostgres && cluster.ConnectionString is not { Length: > 0 };
        await database.EnsureSchemaAsync(clustering: membershipHere, ct);
        if (cluster.OnPostgres && !membershipHere)
        {
            await using var membership = GridDatabase.Create("postgres", cluster.MembershipConnectionString(storage), cluster.ServiceId);
            await membership.EnsureSchemaAsync(clustering: true, ct);
        }
    }
}
