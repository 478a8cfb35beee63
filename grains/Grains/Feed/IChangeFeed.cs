using GridCommand.Contracts.Cameras;
using GridCommand.Contracts.Incidents;
using GridCommand.Contracts.Lockdown;
using GridCommand.Contracts.Volunteers;
using GridCommand.Rules.Auth;
using GridCommand.Rules.Cells;
using GridCommand.Rules.Units;

namespace GridCommand.Grains.Feed;

/// <summary>What the screens and phones must hear of. Grains hand changes to their silo's feed without waiting.</summary>
public interface IChangeFeed
{
    void UnitChanged(UnitSnapshot unit);

    void IncidentChanged(IncidentView incident);

    void TaskOffered(TaskView task);

    void TaskWithdrawn(string unitId, string taskId);

    void TokensRevoked(Revocation revocation);
    void CellChanged(CellLoad cell);

    void LockdownChanged(ActivationView lockdown);

    void VolunteerOrderChanged(VolunteerOrderChange order);
    void CameraAlarmed(CameraAlarmView alarm);
}
