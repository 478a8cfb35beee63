using GridCommand.Rules.Incidents;

namespace GridCommand.Rules.Cells;

/// <summary>An incident as its cell remembers it: open (no <see cref="ClosedAt"/>), or closed recently with the status it ended in.</summary>
public sealed record CellIncident(
    string IncidentId, string Type, double Lat, double Lon, DateTimeOffset OpenedAt, DateTimeOffset? ClosedAt = null, IncidentStatus? Status = null);
