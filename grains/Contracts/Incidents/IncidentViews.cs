using GridCommand.Rules.Incidents;

namespace GridCommand.Contracts.Incidents;

/// <summary>
/// The views of an incident and its tasks, built alike by the grain and by read models loading stored state.
/// Views are immutable and shared without copying, so they never hold the state's own lists.
/// </summary>
public static class IncidentViews
{
    public static IncidentView Of(string id, IncidentState s) => new(id, s.Type, s.Priority, s.Lat, s.Lon, s.Address, s.Description,
        s.Source, s.CellId, s.Status, s.CreatedAt, s.ReportCount, s.DivertedTo, s.Resolution,
        s.FirstDispatchAt, s.FirstOnSceneAt, s.ClosedAt,
        s.Tasks.Select(t => new TaskInfo(t.TaskId, t.UnitId, t.UnitName, t.UnitKind, t.EtaSeconds, t.Status, t.By,
            t.AssignedAt, t.AcceptedAt, t.ArrivedAt, t.DoneAt, t.Remark)).ToList(),
        s.Timeline.ToList(), s.Seq);

    public static TaskView TaskOf(string id, IncidentState s, DispatchTask t) => new(t.TaskId, id, t.UnitId, s.Type, s.Priority,
        s.Lat, s.Lon, s.Address, s.Description, t.EtaSeconds, t.Status);
}
