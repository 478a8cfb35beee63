using GridCommand.Grains.Cells;
using GridCommand.Grains.Units;

namespace GridCommand.Grains.Messages;

public interface ICellMessage : IGrainMessage
{
    string CellId { get; }
    string IGrainMessage.EntityId => CellId;
}

/// <summary>From a unit grain: the unit entered the cell or changed status inside it.</summary>
public sealed record UnitInCell(string CellId, UnitSnapshot Unit) : ICellMessage;

public sealed record UnitLeftCell(string CellId, string UnitId) : ICellMessage;

public sealed record IncidentOpenedInCell(string CellId, string IncidentId, OpenIncidentRef Incident) : ICellMessage;

public sealed record IncidentClosedInCell(string CellId, string IncidentId) : ICellMessage;

/// <summary>Replies <see cref="CellView"/>, or <see cref="Rejected"/> for an id not in the grid.</summary>
public sealed record GetCell(string CellId) : ICellMessage;

public sealed record CellView(
    string CellId,
    string Name,
    string District,
    string? StationId,
    IReadOnlyList<double[]> Polygon,
    IReadOnlyList<string> Neighbours,
    IReadOnlyList<UnitSnapshot> Units,
    IReadOnlyList<string> OpenIncidents,
    IReadOnlyDictionary<string, int> IncidentsToday) : IProtocolMessage;

/// <summary>From a station grain: this cell is in the station's area.</summary>
public sealed record AssignCellToStation(string CellId, string StationId) : ICellMessage;

/// <summary>The units in the cell, as the cell last heard of them; replies <see cref="UnitsInCell"/>.</summary>
public sealed record GetUnitsInCell(string CellId) : ICellMessage;

public sealed record UnitsInCell(IReadOnlyList<UnitSnapshot> Units) : IProtocolMessage;

/// <summary>Replies <see cref="OpenIncidentsInCell"/> (for spotting repeat calls).</summary>
public sealed record GetOpenIncidents(string CellId) : ICellMessage;

public sealed record OpenIncidentsInCell(IReadOnlyDictionary<string, OpenIncidentRef> Incidents) : IProtocolMessage;
