namespace GridCommand.Rules.Units;

/// <summary>
/// off-duty → available ⇄ assigned → en-route → on-scene → available. A unit takes a task only when
/// available; it may go off duty only when it has no task.
/// </summary>
public enum DutyStatus { OffDuty, Available, Assigned, EnRoute, OnScene }
