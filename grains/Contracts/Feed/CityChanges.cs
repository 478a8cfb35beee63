using GridCommand.Contracts.Cameras;
using GridCommand.Contracts.Incidents;
using GridCommand.Contracts.Lockdown;
using GridCommand.Contracts.Volunteers;
using GridCommand.Rules.Auth;
using GridCommand.Rules.Cells;
using GridCommand.Rules.Units;

namespace GridCommand.Contracts.Feed;

/// <summary>
/// What changed on one silo in one batch interval: the newest snapshot of each unit that changed, the
/// incidents that changed, the tasks offered to and withdrawn from units' phones, the tokens revoked, and the newest load
/// of each cell whose figures changed; the lockdown activations, the volunteer orders that changed and the cameras' alarms
/// (null: none).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record CityChanges(
    IReadOnlyList<UnitSnapshot> Units,
    IReadOnlyList<IncidentView> Incidents,
    IReadOnlyList<TaskView> TasksOffered,
    IReadOnlyList<TaskWithdrawal> TasksWithdrawn,
    IReadOnlyList<Revocation> Revocations,
    IReadOnlyList<CellLoad> Cells,
    IReadOnlyList<ActivationView>? Lockdowns = null,
    IReadOnlyList<VolunteerOrderChange>? VolunteerOrders = null,
    IReadOnlyList<CameraAlarmView>? CameraAlarms = null);

[GenerateSerializer, Immutable]
public sealed record TaskWithdrawal(string UnitId, string TaskId);
