using GridCommand.Grains.Units;

namespace GridCommand.Grains.Messages;

public interface IUnitMessage : IGrainMessage
{
    string UnitId { get; }
    string IGrainMessage.EntityId => UnitId;
}

/// <summary>Creates or updates a unit's identity; replies <see cref="UnitView"/>.</summary>
public sealed record EnrollUnit(string UnitId, UnitKind Kind, string Name, string? StationId, string? PostName, string? Team, string DeviceKeyHash, string By) : IUnitMessage;

/// <summary>A device's fix; told, never answered: it is the hot path.</summary>
public sealed record ReportPosition(string UnitId, double Lat, double Lon, DateTimeOffset At, double? SpeedKmh, double? HeadingDeg, double? AccuracyM) : IUnitMessage;

/// <summary>Replies <see cref="UnitView"/> or <see cref="Rejected"/>.</summary>
public sealed record SetDuty(string UnitId, bool OnDuty, string By) : IUnitMessage;

/// <summary>Replies <see cref="UnitView"/> or <see cref="Rejected"/> (not found).</summary>
public sealed record GetUnit(string UnitId) : IUnitMessage;

public sealed record UnitView(UnitSnapshot Unit, string? PostName, string? Team, double? SpeedKmh, double? AccuracyM, string? DeviceKeyHash) : IProtocolMessage;

/// <summary>From an incident grain: give the unit this task. The unit is the arbiter: replies <see cref="UnitView"/> or a 409 <see cref="Rejected"/>.</summary>
public sealed record AssignTask(string UnitId, string TaskId) : IUnitMessage;

public enum TaskStep { Accept, Arrive, Release }

/// <summary>From an incident grain: the unit's task moved on (or ended, with Release). Told, not asked.</summary>
public sealed record AdvanceTask(string UnitId, string TaskId, TaskStep Step) : IUnitMessage;
