using GridCommand.Rules.Units;

namespace GridCommand.Contracts.Units;

/// <summary>A patrol unit, guard or volunteer, keyed by its unit id. The unit is the arbiter of its own status.</summary>
public interface IUnitGrain : IGrainWithStringKey
{
    /// <summary>Creates or updates the unit's identity and device key; saved before it answers.</summary>
    Task<UnitView> Enrol(UnitEnrolment enrolment);

    /// <summary>A device's fix: told, never answered (the hot path). A unit not enrolled ignores it.</summary>
    [OneWay]
    Task ReportPosition(PositionFix fix);

    /// <exception cref="Refusal">no such unit; or off duty while it has a task</exception>
    Task<UnitView> SetDuty(bool onDuty, string by);

    /// <returns>null when no unit is enrolled under this id.</returns>
    Task<UnitView?> Get();

    /// <summary>From an incident: give the unit this task. False when the unit is not available (taken, off duty, stale).</summary>
    Task<bool> TryAssign(string taskId);

    /// <summary>From an incident: the task moved on, or ended. A late step for a task the unit no longer has is ignored.</summary>
    [OneWay]
    Task StepTask(string taskId, TaskStep step);
}
