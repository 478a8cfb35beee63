using System.Net;
using GridCommand.Contracts.Units;
using GridCommand.Tests.Storage;

namespace GridCommand.Tests.Api;

/// <summary>The web process on a real PostgreSQL database, for the faults that only a strict database shows.</summary>
public sealed class PostgresApp : IAsyncLifetime
{
    private readonly PostgresTestDatabase db = new();

    public GridCommandApp App { get; private set; } = null!;
    public HttpClient Commander { get; private set; } = null!;
    public string ConnectionString => db.ConnectionString;

    public async Task InitializeAsync()
    {
        await db.InitializeAsync();
        App = new GridCommandApp(ApiKit.SharedSettings(("Storage:Provider", "postgres"), ("Storage:ConnectionString", db.ConnectionString)));
        Commander = await App.StaffClient("commander");
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await db.DisposeAsync();
    }

    public PostgresTestDatabase Database => db;
}

/// <summary>
/// Bad ids never become grains, and a grain whose state cannot be read or written answers a clear 503 once, without
/// database text, without looping, and leaves the server healthy.
/// </summary>
public sealed class FaultTests(PostgresApp fx) : IClassFixture<PostgresApp>
{
    private static readonly TimeSpan Quickly = TimeSpan.FromSeconds(5);

    [Theory]
    [InlineData("a\u0000b")]
    [InlineData("tab\tin-id")]
    [InlineData("单位一")]
    public async Task A_unit_id_no_grain_can_have_is_refused_before_any_grain_is_touched(string unitId)
    {
        var anonymous = fx.App.CreateClient();
        var linesBefore = fx.App.Logs.CountAbout(unitId);

        var response = await anonymous.PostAsync("/api/auth/device", ApiKit.Body(new { unitId, deviceKey = "x" })).WaitAsync(Quickly);

        await response.Problem(HttpStatusCode.BadRequest);
        Assert.Equal(0, await Activations(unitId));
        await Task.Delay(500);
        // No retry loop flooding the log about it (one would write thousands of lines).
        Assert.InRange(fx.App.Logs.CountAbout(unitId) - linesBefore, 0, 2);
    }

    [Fact]
    public async Task A_unit_whose_stored_state_cannot_be_read_is_a_503_each_time_and_nothing_else_suffers()
    {
        await fx.Commander.Send(HttpMethod.Put, "/api/units/unreadable", new { kind = "guard", name = "读不出的保安" }, HttpStatusCode.OK);
        await Deactivate("unreadable");
        await fx.Database.ExecuteAsync("UPDATE OrleansStorage SET PayloadBinary = 'not json'::bytea WHERE GrainIdExtensionString = 'unreadable'");
        var linesBefore = fx.App.Logs.CountAbout("unreadable");

        for (var i = 0; i < 3; i++)
        {
            var response = await fx.Commander.GetAsync("/api/units/unreadable").WaitAsync(Quickly);
            var problem = await response.Problem(HttpStatusCode.ServiceUnavailable);
            Assert.DoesNotContain("json", problem.GetRawText(), StringComparison.OrdinalIgnoreCase);
        }

        // Each failed call is logged, in a few lines (a loaded machine may take a while to write them).
        await Eventually.Until(() => Task.FromResult(fx.App.Logs.CountAbout("unreadable") - linesBefore >= 3), TimeSpan.FromSeconds(10),
            "a log line for each failed call");
        await Task.Delay(TimeSpan.FromSeconds(1));
        var logged = fx.App.Logs.CountAbout("unreadable") - linesBefore;
        Assert.InRange(logged, 3, 3 * 8);
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Equal(logged, fx.App.Logs.CountAbout("unreadable") - linesBefore); // and then nothing: no retry loop
        Assert.Equal(HttpStatusCode.OK, (await fx.App.CreateClient().GetAsync("/health")).StatusCode);
        await fx.Commander.Send(HttpMethod.Put, "/api/units/readable", new { kind = "guard", name = "好的保安" }, HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_command_the_database_refuses_to_save_is_a_503_and_changes_nothing()
    {
        await fx.Commander.Send(HttpMethod.Put, "/api/units/unsaveable", new { kind = "patrol-car", name = "存不进的车" }, HttpStatusCode.OK);
        await using (await fx.Database.Refuse("UPDATE", "OrleansStorage", "NEW.GrainIdExtensionString = 'unsaveable'", "disk on fire"))
        {
            var response = await fx.Commander.PutAsync("/api/units/unsaveable/duty", ApiKit.Body(new { onDuty = true })).WaitAsync(Quickly);
            var problem = await response.Problem(HttpStatusCode.ServiceUnavailable);
            Assert.Contains("could not be saved", problem.GetProperty("detail").GetString());
            Assert.DoesNotContain("disk on fire", problem.GetRawText());

            // The grain started again from its stored state: still off duty.
            var unit = await fx.Commander.Get("/api/units/unsaveable");
            Assert.Equal("off-duty", unit.GetProperty("unit").Str("status"));
        }
        var saved = await fx.Commander.Send(HttpMethod.Put, "/api/units/unsaveable/duty", new { onDuty = true }, HttpStatusCode.OK);
        Assert.Equal("available", saved.GetProperty("unit").Str("status"));
    }

    [Fact]
    public async Task A_database_error_after_the_state_was_saved_is_a_503_without_database_text()
    {
        await fx.Commander.Send(HttpMethod.Put, "/api/units/unlogged", new { kind = "guard", name = "记不进日志的保安" }, HttpStatusCode.OK);
        await using (await fx.Database.Refuse("INSERT", "grain_event", "NEW.grain_id = 'unlogged'", "log on fire"))
        {
            var response = await fx.Commander.PutAsync("/api/units/unlogged/duty", ApiKit.Body(new { onDuty = true })).WaitAsync(Quickly);
            var problem = await response.Problem(HttpStatusCode.ServiceUnavailable);
            Assert.DoesNotContain("log on fire", problem.GetRawText());
        }
    }

    private IManagementGrain Management => fx.App.Service<IGrainFactory>().GetGrain<IManagementGrain>(0);

    private Task<int> Activations(string unitId) =>
        Management.GetGrainActivationCount((GrainReference)fx.App.Service<IGrainFactory>().GetGrain<IUnitGrain>(unitId));

    /// <summary>Takes the unit out of memory, so its next call reads the stored state.</summary>
    private async Task Deactivate(string unitId)
    {
        await Management.ForceActivationCollection(TimeSpan.Zero);
        await Eventually.Until(async () => await Activations(unitId) == 0, TimeSpan.FromSeconds(10), "the unit's grain deactivated");
    }
}
