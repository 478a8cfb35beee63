using GridCommand.Rules;

namespace GridCommand.Silo.Hosting;

/// <summary>The "Cluster" section: what this node is and how it finds the others.</summary>
public sealed class ClusterSettings
{
    /// <summary>"localhost": one machine, no database needed to find each other; "postgres": membership in PostgreSQL.</summary>
    public string Provider { get; set; } = "localhost";

    /// <summary>The membership database; empty means the storage database.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>"silo" hosts grains; "client" (web only) serves the screens in front of headless silos.</summary>
    public string Role { get; set; } = "silo";

    /// <summary>The address other nodes reach this one at (a loopback address keeps the cluster on this machine).</summary>
    public string Hostname { get; set; } = "127.0.0.1";

    public int SiloPort { get; set; } = 11111;

    /// <summary>Where client-only web nodes connect.</summary>
    public int GatewayPort { get; set; } = 30000;

    public string ClusterId { get; set; } = "gridcommand";

    /// <summary>Names the stored state: every node of one deployment must use the same.</summary>
    public string ServiceId { get; set; } = "gridcommand";

    /// <summary>Take the cluster's identity and endpoints from Kubernetes (Microsoft.Orleans.Hosting.Kubernetes).</summary>
    public bool Kubernetes { get; set; }

    /// <summary>A grain not called for this long is taken out of memory (it comes back on the next call).</summary>
    public TimeSpan PassivateIdleAfter { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How often each silo sends its batch of changes to the screens.</summary>
    public TimeSpan ChangeBatchInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    public bool IsClient => Is(Role, "client", "silo", nameof(Role));

    public bool OnPostgres => Is(Provider, "postgres", "localhost", nameof(Provider));

    /// <summary>The membership database's connection string: its own, or the storage database's.</summary>
    public string MembershipConnectionString(StorageSettings storage) =>
        ConnectionString is { Length: > 0 } own ? own
        : storage.OnPostgres ? storage.ConnectionString
        : throw new InvalidOperationException("Cluster:Provider postgres needs Cluster:ConnectionString, or Storage:Provider postgres.");

    private static bool Is(string value, string yes, string no, string key) =>
        value.Trim().ToLowerInvariant() switch
        {
            var v when v == yes => true,
            var v when v == no => false,
            _ => throw new InvalidOperationException($"Cluster:{key} must be \"{no}\" or \"{yes}\", not \"{value}\"."),
        };
}

/// <summary>The "Storage" section: "sqlite" (embedded default) or "postgres".</summary>
public sealed class StorageSettings
{
    public string Provider { get; set; } = "sqlite";
    public string ConnectionString { get; set; } = "Data Source=gridcommand.db";

    public bool OnPostgres => Provider.Trim().ToLowerInvariant() is "postgres" or "postgresql";
}

/// <summary>The "City" section: generated square cells over a box, or real grid polygons from a GeoJSON file.</summary>
public sealed class CitySettings
{
    public double South { get; set; } = 32.30;
    public double West { get; set; } = 119.33;
    public double North { get; set; } = 32.46;
    public double East { get; set; } = 119.52;
    public double CellMeters { get; set; } = 500;
    public string? GeoJsonPath { get; set; }

    /// <summary>The city's time zone (IANA id) for incident ids, "today" and the pages' clocks.</summary>
    public string TimeZone { get; set; } = CityClock.DefaultZone;
}
