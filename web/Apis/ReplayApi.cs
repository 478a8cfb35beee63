using System.Globalization;
using GridCommand.Contracts;
using GridCommand.Contracts.Incidents;
using GridCommand.Rules.Geo;
using GridCommand.Rules.Performance;
using GridCommand.Rules.Tracks;
using GridCommand.Rules.Units;
using GridCommand.Silo.Storage;
using GridCommand.Web.Auth;
using GridCommand.Web.Live;

namespace GridCommand.Web.Apis;

/// <summary>
/// Replays for after-action review, read from the database: the event log and the units' tracks (saved by the silos'
/// track recorders, so the last <c>Tracks:SaveInterval</c> may not be there yet). Staff only: tracks say where every crew was.
/// </summary>
public static class ReplayApi
{
    public static IEndpointRouteBuilder MapReplayApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/incidents/{id}/replay", IncidentReplay).RequireAuthorization(Roles.Policies.Staff).WithTags("Replay")
            .WithDescription("The incident, its event-log entries in order and the tracks of every unit it had a task for, " +
                             "from 5 minutes before it was opened to its close (or now), at most 24 h.");
        app.MapGet("/api/replay", AreaReplay).RequireAuthorization(Roles.Policies.Staff).WithTags("Replay")
            .WithDescription("Every unit's track inside the box (south, west, north, east in degrees, at most 0.1° each way) " +
                             "between from and to (ISO-8601, at most 30 minutes apart), and the incidents opened there then.");
        return app;
    }

    private static async Task<IResult> IncidentReplay(string id, IGrainFactory grains, GridDatabase database, TimeProvider clock, CancellationToken ct)
    {
        if (await grains.GetGrain<IIncidentGrain>(id).Get() is not { } incident) return Problems.NotFound($"No incident {id}.");
        var window = ReplayWindow.ForIncident(incident.CreatedAt, incident.ClosedAt, clock.GetUtcNow());
        var events = await database.Events.ReadAsync(GrainKinds.Incident, id, ct);
        var crews = incident.Tasks.DistinctBy(t => t.UnitId).ToList();
        var tracks = await database.Tracks.ReadUnitsAsync([.. crews.Select(t => t.UnitId)], window, ct);
        return Results.Ok(new IncidentReplay(incident, View(window),
            [.. events.Where(e => !IncidentRecord.IsRecord(e.Event.What)).Select(e => new ReplayEvent(e.Sequence, e.Event.At, e.Event.Actor, e.Event.What, e.Event.Data))],
            [.. crews.Select(t => Track(t.UnitId, t.UnitName, t.UnitKind, tracks))]));
    }

    private static async Task<IResult> AreaReplay(HttpRequest request, GridDatabase database, LiveCity city, CancellationToken ct)
    {
        var q = request.Query;
        double south = 0, west = 0, north = 0, east = 0;
        DateTimeOffset from = default, to = default;
        var error = Number(q, "south", ref south) ?? Number(q, "west", ref west) ?? Number(q, "north", ref north) ?? Number(q, "east", ref east)
                    ?? Time(q, "from", ref from) ?? Time(q, "to", ref to)
                    ?? InputRules.Box(south, west, north, east);
        var box = new GeoBounds(south, west, north, east);
        error ??= ReplayWindow.CheckArea(box, from, to);
        if (error is not null) return Problems.BadRequest(error);

        var window = new ReplayWindow(from, to);
        var tracks = await database.Tracks.ReadAreaAsync(box, window, ct);
        var known = city.Units.Where(u => tracks.ContainsKey(u.UnitId)).ToDictionary(u => u.UnitId);
        var incidents = city.Incidents.Where(i => window.Contains(i.CreatedAt) && box.Contains(new GeoPoint(i.Lat, i.Lon)))
            .OrderBy(i => i.CreatedAt).ToList();
        return Results.Ok(new AreaReplay(new ReplayBox(south, west, north, east), View(window), incidents,
            [.. tracks.Keys.Order(StringComparer.Ordinal).Select(unitId =>
                Track(unitId, known.GetValueOrDefault(unitId)?.Name, known.GetValueOrDefault(unitId)?.Kind, tracks))]));
    }

    private static UnitTrack Track(string unitId, string? name, UnitKind? kind, IReadOnlyDictionary<string, List<TrackPoint>> tracks) =>
        new(unitId, name, kind, tracks.TryGetValue(unitId, out var points) ? [.. points.Select(TrackPointView.Of)] : []);

    private static ReplayWindowView View(ReplayWindow w) => new(w.From, w.To);

    private static string? Number(IQueryCollection q, string name, ref double value)
    {
        if (q[name] is not [{ } text] || InputRules.Number(text) is not { } number) return $"{name} must be given once, as a number of degrees.";
        value = number;
        return null;
    }

    /// <summary>ISO-8601; a time without an offset is taken as UTC.</summary>
    private static string? Time(IQueryCollection q, string name, ref DateTimeOffset value) =>
        q[name] is [{ } text] && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value)
            ? null
            : $"{name} must be given once, as an ISO-8601 time such as 2026-12-01T10:00:00+08:00.";
}
