using GridCommand.Rules.Geo;

namespace GridCommand.Rules.Units;

/// <summary>A patrol unit, guard or volunteer: identity, last fix, cell and duty status, with the rules that change them.</summary>
public sealed class UnitState
{
    public string UnitId { get; set; } = "";
    public UnitKind Kind { get; set; }
    public string Name { get; set; } = "";
    public string? StationId { get; set; }
    /// <summary>A guard's post or booth (岗亭), or a volunteer's team base.</summary>
    public string? PostName { get; set; }
    public string? Team { get; set; }
    public string? DeviceKeyHash { get; set; }
    public PositionFix? LastFix { get; set; }
    public string? CellId { get; set; }
    public DutyStatus Status { get; set; } = DutyStatus.OffDuty;
    public string? TaskId { get; set; }
    /// <summary>Counts every visible change, so browsers can drop stale updates.</summary>
    public long Seq { get; set; }
    /// <summary>No fix for longer than the configured age; set by <see cref="CheckStale"/>, cleared by a new fix.</summary>
    public bool Stale { get; set; } = true;

    public bool Enrolled => Name.Length > 0;

    public bool IsStale(DateTimeOffset now, TimeSpan maxFixAge) => LastFix is not { } fix || now - fix.At > maxFixAge;

    /// <summary>When the unit goes stale if no newer fix comes; null when it has no fix.</summary>
    public DateTimeOffset? StaleAt(TimeSpan maxFixAge) => LastFix?.At + maxFixAge;

    /// <summary>Creates or updates the unit's identity and device key; returns the station it was under before.</summary>
    public string? Enrol(string unitId, UnitKind kind, string name, string? stationId, string? postName, string? team, string deviceKeyHash)
    {
        var previousStation = StationId;
        (UnitId, Kind, Name, StationId, PostName, Team, DeviceKeyHash) = (unitId, kind, name, stationId, postName, team, deviceKeyHash);
        Seq++;
        return previousStation;
    }

    public bool HasDeviceKey(string key) => DeviceKeys.Matches(UnitId, key, DeviceKeyHash);

    /// <returns>true when the unit went stale (or fresh) since the last check: others should be told.</returns>
    public bool CheckStale(DateTimeOffset now, TimeSpan maxFixAge)
    {
        var stale = IsStale(now, maxFixAge);
        if (stale == Stale) return false;
        Stale = stale;
        Seq++;
        return true;
    }

    /// <summary>
    /// Takes a newer fix (older or equal ones arrive out of order and are ignored) and works out the
    /// cell it falls in; outside the grid the unit is in no cell.
    /// </summary>
    public FixOutcome ApplyFix(PositionFix fix, CityGrid grid, DateTimeOffset now, TimeSpan maxFixAge)
    {
        if (LastFix is { } last && fix.At <= last.At) return FixOutcome.Ignored;
        var moved = LastFix is not { } previous || previous.Position != fix.Position;
        LastFix = fix;
        var freshened = CheckStale(now, maxFixAge);
        if (moved && !freshened) Seq++;
        var left = CellId;
        if (moved) CellId = grid.CellAt(fix.Position)?.Id;
        return new FixOutcome(moved || freshened, left, CellId, freshened);
    }

    /// <summary>
    /// Brings back a fix saved by the position journal after the last state write (a crash or a restart):
    /// applied like a fresh fix, and the sequence number never goes back.
    /// </summary>
    public FixOutcome Restore(PositionFix fix, long seq, CityGrid grid, DateTimeOffset now, TimeSpan maxFixAge)
    {
        var outcome = ApplyFix(fix, grid, now, maxFixAge);
        Seq = Math.Max(Seq, seq);
        return outcome;
    }

    public Outcome SetDuty(bool onDuty)
    {
        if (onDuty == (Status != DutyStatus.OffDuty)) return Outcome.Ok;
        if (!onDuty && TaskId is not null)
            return Outcome.Refuse(RejectionCode.Conflict, $"Unit {UnitId} has task {TaskId}: finish or hand it back before going off duty.");
        return Move(onDuty ? DutyStatus.Available : DutyStatus.OffDuty, null);
    }

    /// <summary>Only an available unit with a fresh fix takes a task: the unit grain is the arbiter of double dispatch.</summary>
    public Outcome Assign(string taskId, DateTimeOffset now, TimeSpan maxFixAge)
    {
        if (TaskId == taskId) return Outcome.Ok;
        if (Status != DutyStatus.Available)
            return Outcome.Refuse(RejectionCode.Conflict, $"Unit {UnitId} is {Status}, not available.");
        if (IsStale(now, maxFixAge))
            return Outcome.Refuse(RejectionCode.Conflict, $"Unit {UnitId} has no fresh position fix.");
        return Move(DutyStatus.Assigned, taskId);
    }

    public Outcome Accept(string taskId) => Advance(taskId, DutyStatus.Assigned, DutyStatus.EnRoute);

    public Outcome Arrive(string taskId)
    {
        if (Status == DutyStatus.Assigned && TaskId == taskId) Move(DutyStatus.EnRoute, taskId);
        return Advance(taskId, DutyStatus.EnRoute, DutyStatus.OnScene);
    }

    /// <summary>A step of the unit's task told by its incident; a late step for a task the unit no longer has is refused.</summary>
    public Outcome Step(string taskId, TaskStep step) => step switch
    {
        TaskStep.Accept => Accept(taskId),
        TaskStep.Arrive => Arrive(taskId),
        _ => Release(taskId),
    };

    /// <summary>The task is over for this unit (completed, declined, withdrawn or cancelled): it is available again.</summary>
    public Outcome Release(string taskId)
    {
        if (TaskId != taskId) return Outcome.Refuse(RejectionCode.Conflict, $"Task {taskId} is not unit {UnitId}'s current task.");
        return Move(DutyStatus.Available, null);
    }

    public UnitSnapshot Snapshot() => new(UnitId, Kind, Name, Status, LastFix?.Position.Lat, LastFix?.Position.Lon,
        LastFix?.At, LastFix?.HeadingDeg, Stale, StationId, CellId, TaskId, Seq);

    private Outcome Advance(string taskId, DutyStatus from, DutyStatus to)
    {
        if (TaskId != taskId) return Outcome.Refuse(RejectionCode.Conflict, $"Task {taskId} is not unit {UnitId}'s current task.");
        if (Status == to) return Outcome.Ok;
        if (Status != from) return Outcome.Refuse(RejectionCode.Conflict, $"Unit {UnitId} is {Status}; cannot go {to}.");
        return Move(to, taskId);
    }

    private Outcome Move(DutyStatus status, string? taskId)
    {
        Status = status;
        TaskId = taskId;
        Seq++;
        return Outcome.Ok;
    }
}
