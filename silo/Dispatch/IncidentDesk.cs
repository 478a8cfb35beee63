using System.Security.Cryptography;
using System.Text;
using GridCommand.Grains.Actors;
using GridCommand.Grains.Cells;
using GridCommand.Grains.Dispatch;
using GridCommand.Grains.Geo;
using GridCommand.Grains.Incidents;
using GridCommand.Grains.Messages;
using GridCommand.Silo.Hosting;

namespace GridCommand.Silo.Dispatch;

/// <summary>A report of an incident as it comes in (validated by the caller).</summary>
public sealed record IncidentReport(
    IncidentType Type, int Priority, GeoPoint At, string? Address, string? Description, IncidentSource Source,
    string? RequestId, bool Divert, string By);

/// <summary>The incident the report ended up in; <see cref="DuplicateOf"/> is set when it was a repeat call.</summary>
public sealed record IntakeResult(IncidentView Incident, string? DuplicateOf, bool Created);

/// <summary>
/// Where every new report enters, from the API and the simulator alike: a retried request returns what
/// it made the first time, a repeat call is merged into the open incident it repeats, a non-police
/// matter is diverted, anything else opens a new incident.
/// </summary>
public sealed class IncidentDesk(GridNode node)
{
    // One report at a time on this node: ten people calling about the same fire at once make one incident
    // with ten reports, not ten incidents. Intake is a few milliseconds a report, far above 110 call rates.
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);

    public async Task<object> Report(IncidentReport r)
    {
        await _oneAtATime.WaitAsync();
        try
        {
            return await Take(r);
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    private async Task<object> Take(IncidentReport r)
    {
        var now = node.Runtime.Now;
        var id = r.RequestId is null ? IncidentIds.New(now) : ForRequest(r.RequestId);
        if (r.RequestId is not null && await node.Ask(node.Incidents, new GetIncident(id)) is IncidentView earlier)
            return new IntakeResult(earlier, null, false);

        if (await FindRepeatedIncident(r, now) is { } repeated)
        {
            var merged = await node.Ask(node.Incidents, new RepeatCall(repeated, r.Source, r.Description, r.RequestId, now, r.By));
            return merged is IncidentView view ? new IntakeResult(view, repeated, false) : merged;
        }
        var opened = await node.Ask(node.Incidents, new OpenIncident(id, r.Type.Code, r.Priority, r.At.Lat, r.At.Lon, r.Address,
            r.Description, r.Source, r.Divert ? r.Type.DivertTo : null, now, r.By));
        return opened is IncidentView created ? new IntakeResult(created, null, true) : opened;
    }

    private async Task<string?> FindRepeatedIncident(IncidentReport r, DateTimeOffset now)
    {
        var grid = node.Runtime.Grid;
        var settings = node.Runtime.Dispatch;
        var cell = grid.CellAt(r.At);
        if (cell is null) return null;
        var open = await RingSearch.Gather<KeyValuePair<string, OpenIncidentRef>>(grid, cell.Id, r.At, settings.RepeatCallMeters, int.MaxValue,
            async ring =>
            {
                var answers = await Task.WhenAll(ring.Select(c => node.Ask(node.Cells, new GetOpenIncidents(c))));
                return answers.OfType<OpenIncidentsInCell>().SelectMany(a => a.Incidents).ToList();
            });
        return RepeatCalls.Match(r.Type.Code, r.At, now, open, settings.RepeatCallMeters, settings.RepeatCallWindow);
    }

    /// <summary>A request id always maps to the same incident id, so a retried create is answered, not repeated.</summary>
    private static string ForRequest(string requestId) =>
        "R" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(requestId)))[..16];
}
