using GridCommand.Rules.Units;

namespace GridCommand.Rules.Incidents;

/// <summary>An incident (警情): what, where, how urgent, its tasks, where it stands, and its timeline; with the dispatch rules.</summary>
public sealed class IncidentState
{
    public string Type { get; set; } = "";
    public int Priority { get; set; }
    public double Lat { get; set; }
    public double Lon { get; set; }
    public string? Address { get; set; }
    public string? Description { get; set; }
    public IncidentSource Source { get; set; }
    public string? CellId { get; set; }
    /// <summary>The station covering the cell when the incident was reported: whose performance it counts in.</summary>
    public string? StationId { get; set; }
    public IncidentStatus Status { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public int ReportCount { get; set; } = 1;
    public string? DivertedTo { get; set; }
    public string? Resolution { get; set; }
    public DateTimeOffset? FirstDispatchAt { get; set; }
    public DateTimeOffset? FirstOnSceneAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    public List<DispatchTask> Tasks { get; set; } = [];
    public List<TimelineEntry> Timeline { get; set; } = [];
    /// <summary>Request ids already handled (dispatches and repeat calls), with the task each one made.</summary>
    public Dictionary<string, string> Requests { get; set; } = new();
    public long Seq { get; set; }
    /// <summary>Whether its outcome went into the event log: once, the first time it stopped being open.</summary>
    public bool OutcomeRecorded { get; set; }

    public bool Opened => Type.Length > 0;

    public bool IsOpen => Status.IsOpen();

    /// <summary>Units that declined or let the offer time out: not offered this incident again.</summary>
    public ISet<string> UnitsNotToOffer() =>
        Tasks.Where(t => t.Status is TaskStatus.Declined or TaskStatus.TimedOut || t.IsActive).Select(t => t.UnitId).ToHashSet();

    /// <summary>True once: the first time it is asked after the incident stopped being open (resolved, closed or diverted).</summary>
    public bool TakeFirstEnd()
    {
        if (IsOpen || OutcomeRecorded || !Opened) return false;
        OutcomeRecorded = true;
        return true;
    }

    public DispatchTask? FindTask(string taskId) => Tasks.Find(t => t.TaskId == taskId);

    public void Open(string type, int priority, double lat, double lon, string? address, string? description,
        IncidentSource source, string? cellId, string? divertTo, DateTimeOffset at, string by)
    {
        (Type, Priority, Lat, Lon, Address, Description, Source, CellId, CreatedAt) =
            (type, priority, lat, lon, address, description, source, cellId, at);
        Note(at, "opened", by, $"{type} P{priority} {source}");
        if (divertTo is null) return;
        Status = IncidentStatus.Diverted;
        DivertedTo = divertTo;
        Note(at, "diverted", by, divertTo);
    }

    /// <summary>A repeat call about this incident: counted, never dispatched twice.</summary>
    public void RepeatCall(IncidentSource source, string? description, DateTimeOffset at, string by)
    {
        ReportCount++;
        Note(at, "repeat-call", by, $"{source} {description}".Trim());
    }

    /// <summary>Whether a dispatch may go ahead: the incident must be open (a diverted one only on override), and a second unit only as backup.</summary>
    public Outcome CanDispatch(bool backup, bool overrideDiversion)
    {
        if (Status == IncidentStatus.Diverted && !overrideDiversion)
            return Outcome.Refuse(RejectionCode.Conflict, $"Diverted to {DivertedTo}; dispatch with override to send police anyway.");
        if (Status is IncidentStatus.Resolved or IncidentStatus.Closed or IncidentStatus.Merged)
            return Outcome.Refuse(RejectionCode.Conflict, $"The incident is {Status}.");
        if (!backup && Tasks.Any(t => t.IsActive))
            return Outcome.Refuse(RejectionCode.Conflict, "A unit is already dispatched; send backup or reassign instead.");
        return Outcome.Ok;
    }

    /// <summary>Task ids carry their incident's id, so a device's answer finds its incident grain.</summary>
    public string NextTaskId(string incidentId) => TaskIds.Of(incidentId, Tasks.Count + 1);

    public DispatchTask AddTask(string incidentId, DispatchTarget unit, DateTimeOffset at, string by)
    {
        if (Status == IncidentStatus.Diverted) Note(at, "diversion-overridden", by, DivertedTo);
        var task = new DispatchTask
        {
            TaskId = NextTaskId(incidentId), UnitId = unit.UnitId, UnitName = unit.Name, UnitKind = unit.Kind,
            EtaSeconds = unit.EtaSeconds, Status = TaskStatus.Assigned, By = by, AssignedAt = at,
        };
        Tasks.Add(task);
        FirstDispatchAt ??= at;
        Note(at, "dispatched", by, $"{unit.UnitId} {unit.Name} ETA {unit.EtaSeconds}s");
        Recompute();
        return task;
    }

    /// <summary>
    /// A volunteer who claimed a volunteer order joins the incident: a task already accepted (the claim was the
    /// acceptance), so it never lapses and is never offered to another unit.
    /// </summary>
    public DispatchTask Enlist(string incidentId, DispatchTarget volunteer, string orderId, DateTimeOffset at)
    {
        var task = AddTask(incidentId, volunteer, at, volunteer.UnitId);
        task.OrderId = orderId;
        Answer(task.TaskId, volunteer.UnitId, TaskAnswer.Accept, $"volunteer order {orderId}", at);
        return task;
    }

    /// <summary>Applies a device's answer; only the task's own unit may answer, and only in order.</summary>
    public Outcome Answer(string taskId, string unitId, TaskAnswer answer, string? remark, DateTimeOffset at)
    {
        var task = FindTask(taskId);
        if (task is null) return Outcome.Refuse(RejectionCode.NotFound, $"No task {taskId}.");
        if (task.UnitId != unitId) return Outcome.Refuse(RejectionCode.Forbidden, $"Task {taskId} belongs to another unit.");
        var (from, to) = answer switch
        {
            TaskAnswer.Accept => (new[] { TaskStatus.Assigned }, TaskStatus.Accepted),
            TaskAnswer.Decline => ([TaskStatus.Assigned], TaskStatus.Declined),
            TaskAnswer.Arrive => ([TaskStatus.Assigned, TaskStatus.Accepted], TaskStatus.OnScene),
            _ => ([TaskStatus.OnScene, TaskStatus.Accepted], TaskStatus.Done),
        };
        if (task.Status == to) return Outcome.Ok; // a resent answer does nothing twice
        if (!from.Contains(task.Status))
            return Outcome.Refuse(RejectionCode.Conflict, $"Task {taskId} is {task.Status}; cannot {answer.ToString().ToLowerInvariant()}.");
        task.Status = to;
        task.Remark = remark ?? task.Remark;
        switch (to)
        {
            case TaskStatus.Accepted: task.AcceptedAt = at; break;
            case TaskStatus.OnScene: task.ArrivedAt = at; FirstOnSceneAt ??= at; break;
            case TaskStatus.Done: task.DoneAt = at; break;
        }
        Note(at, $"task-{to.ToString().ToLowerInvariant()}", unitId, remark);
        Recompute();
        return Outcome.Ok;
    }

    /// <summary>No answer in time: the offer lapses (only if it is still unanswered).</summary>
    public bool TimeOut(string taskId, DateTimeOffset at)
    {
        var task = FindTask(taskId);
        if (task is not { Status: TaskStatus.Assigned }) return false;
        task.Status = TaskStatus.TimedOut;
        task.DoneAt = at;
        Note(at, "task-timed-out", "system", task.UnitId);
        Recompute();
        return true;
    }

    /// <summary>A dispatcher withdraws an active task (cancel or reassign).</summary>
    public Outcome Cancel(string taskId, string reason, DateTimeOffset at, string by)
    {
        var task = FindTask(taskId);
        if (task is null) return Outcome.Refuse(RejectionCode.NotFound, $"No task {taskId}.");
        if (!task.IsActive) return Outcome.Refuse(RejectionCode.Conflict, $"Task {taskId} is already {task.Status}.");
        task.Status = TaskStatus.Cancelled;
        task.DoneAt = at;
        task.Remark = reason;
        Note(at, "task-cancelled", by, $"{task.UnitId} {reason}");
        Recompute();
        return Outcome.Ok;
    }

    /// <summary>Closes the incident; returns the tasks still active, which the caller must withdraw from their units.</summary>
    public Outcome Close(string resolution, DateTimeOffset at, string by, out IReadOnlyList<DispatchTask> withdrawn)
    {
        withdrawn = [];
        if (Status is IncidentStatus.Closed or IncidentStatus.Merged)
            return Outcome.Refuse(RejectionCode.Conflict, $"The incident is already {Status}.");
        withdrawn = Tasks.Where(t => t.IsActive).ToList();
        foreach (var task in withdrawn)
        {
            task.Status = TaskStatus.Cancelled;
            task.DoneAt = at;
            task.Remark = "incident closed";
        }
        Status = IncidentStatus.Closed;
        Resolution = resolution;
        ClosedAt = at;
        Note(at, "closed", by, resolution);
        return Outcome.Ok;
    }

    private void Note(DateTimeOffset at, string what, string by, string? detail)
    {
        Timeline.Add(new TimelineEntry(at, what, by, detail));
        Seq++;
    }

    /// <summary>The status follows the tasks: resolved when every unit sent has finished and at least one completed.</summary>
    private void Recompute()
    {
        if (Status is IncidentStatus.Closed or IncidentStatus.Merged) return;
        Status = Tasks.Any(t => t.Status == TaskStatus.OnScene) ? IncidentStatus.OnScene
            : Tasks.Any(t => t.IsActive) ? IncidentStatus.Dispatched
            : Tasks.Any(t => t.Status == TaskStatus.Done) ? IncidentStatus.Resolved
            : DivertedTo is not null && FirstDispatchAt is null ? IncidentStatus.Diverted
            : IncidentStatus.New;
    }
}
