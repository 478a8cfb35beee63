using System.Net;
using GridCommand.Tests.Api;
using GridCommand.Tests.Storage;

namespace GridCommand.Tests.Hostile;

/// <summary>The city under attack, served on a loopback port: a unit on duty with a task, so that hostile requests with real ids reach real grains.</summary>
public abstract class HostileCity(TestDatabase? database) : IAsyncLifetime
{
    public GridCommandApp App { get; private set; } = null!;
    public HttpClient Commander { get; private set; } = null!;
    public HttpClient Dispatcher { get; private set; } = null!;
    public FieldUnit Car { get; private set; } = null!;

    /// <summary>A unit signed in before the attack, to be dispatched after it (the attack's failed sign-ins block its address for a minute).</summary>
    public FieldUnit Spare { get; private set; } = null!;

    /// <summary>Ids that exist: the unit, its incident and task, a cell and a station.</summary>
    public List<string> RealIds { get; } = ["C15-15", "S01"];

    public async Task InitializeAsync()
    {
        // No timer changes the city during the attack (a task not accepted, a fix gone stale): every change has a request behind it.
        var settings = ApiKit.SharedSettings(("Dispatch:AcceptTimeout", "01:00:00"), ("Grains:StaleAfter", "01:00:00"));
        if (database is not null)
        {
            await database.InitializeAsync();
            settings["Storage:Provider"] = database.Provider;
            settings["Storage:ConnectionString"] = database.ConnectionString;
        }
        App = new GridCommandApp(settings);
        App.StartOnRealPort(); // from outside: through Kestrel's own parsing, as an attacker's requests arrive
        Commander = await App.StaffClient("commander");
        Dispatcher = await App.StaffClient("dispatcher");
        var scene = Areas.Centre(0);
        Car = await App.EnrolOnDuty(Commander, "hostile-car", "patrol-car", scene.Offset(300, 0));
        var incidentId = (await Dispatcher.CreateIncident("fight", scene)).Id();
        await Dispatcher.RecommendationsOnce(incidentId, 1);
        var task = await Dispatcher.Send(HttpMethod.Post, $"/api/incidents/{incidentId}/dispatch", new { unitId = Car.UnitId }, HttpStatusCode.OK);
        RealIds.AddRange([Car.UnitId, incidentId, task.Str("taskId")]);
        Spare = await App.EnrolOnDuty(Commander, "after-attack", "patrol-bike", Areas.Centre(5).Offset(200, 45));
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        if (database is not null) await database.DisposeAsync();
    }
}

public sealed class SqliteHostileCity() : HostileCity(null);

public sealed class PostgresHostileCity() : HostileCity(new PostgresTestDatabase());
