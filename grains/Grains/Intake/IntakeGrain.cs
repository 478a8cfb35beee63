using System.Security.Cryptography;
using System.Text;
using GridCommand.Contracts;
using GridCommand.Contracts.Incidents;
using GridCommand.Contracts.Intake;
using GridCommand.Grains.Dispatch;
using GridCommand.Rules;
using GridCommand.Rules.Incidents;

namespace GridCommand.Grains.Intake;

/// <summary>
/// Takes the city's reports one at a time (one grain for the whole cluster, not reentrant), so reports of one
/// event that arrive together on any nodes are matched against each other. Intake is a few milliseconds a
/// report, far above 110 call rates.
/// </summary>
public sealed class IntakeGrain(GridRuntime runtime, CellSearch search) : Grain, IIntakeGrain
{
    /// <summary>Fresh ids are random; the rare clash with an existing incident just takes another.</summary>
    private const int IdAttempts = 5;

    public async Task<IntakeResult> Report(IncidentReport r)
    {
        var now = runtime.Now;
        if (r.RequestId is not null && await Incident(ForRequest(r.RequestId)).Get() is { } earlier)
            return new IntakeResult(earlier, null, false);
        if (await FindRepeatedIncident(r, now) is { } repeated)
        {
            var merged = await Incident(repeated).RepeatCall(new RepeatCallReport(r.Source, r.Description, r.RequestId, now, r.By));
            return new IntakeResult(merged, repeated, false);
        }
        var opening = new IncidentOpening(r.Type.Code, r.Priority, r.At.Lat, r.At.Lon, r.Address, r.Description, r.Source,
            r.Divert ? r.Type.DivertTo : null, now, r.By);
        for (var attempt = 1; ; attempt++)
        {
            var id = r.RequestId is null ? IncidentIds.New(now, runtime.City) : ForRequest(r.RequestId);
            try
            {
                return new IntakeResult(await Incident(id).Open(opening), null, true);
            }
            catch (Refusal clash) when (clash.Code == RejectionCode.Conflict && r.RequestId is null && attempt < IdAttempts)
            {
            }
        }
    }

    private async Task<string?> FindRepeatedIncident(IncidentReport r, DateTimeOffset now)
    {
        if (runtime.Grid.CellAt(r.At) is not { } cell) return null;
        var open = await search.OpenIncidents(cell.Id, r.At);
        return RepeatCalls.Match(r.Type.Code, r.At, now, open, runtime.Dispatch.RepeatCallMeters, runtime.Dispatch.RepeatCallWindow);
    }

    private IIncidentGrain Incident(string id) => GrainFactory.GetGrain<IIncidentGrain>(id);

    /// <summary>A request id always maps to the same incident id, so a retried report is answered, not repeated.</summary>
    private static string ForRequest(string requestId) =>
        "R" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(requestId)))[..16];
}
