using GridCommand.Grains.Incidents;

namespace GridCommand.Grains.Messages;

public interface IIncidentMessage : IGrainMessage
{
    string IncidentId { get; }
    string IGrainMessage.EntityId => IncidentId;
}

/// <summary>Opens a new incident; saved before the reply (<see cref="IncidentView"/>).</summary>
public sealed record OpenIncident(
    string IncidentId, string Type, int Priority, double Lat, double Lon, string? Address, string? Description,
    IncidentSource Source, DateTimeOffset At, string By) : IIncidentMessage;

public sealed record GetIncident(string IncidentId) : IIncidentMessage;

public sealed record IncidentView(
    string Id, string Type, int Priority, double Lat, double Lon, string? Address, string? Description,
    IncidentSource Source, string? CellId, IncidentStatus Status, DateTimeOffset CreatedAt,
    IReadOnlyList<TimelineEntry> Timeline) : IProtocolMessage;
