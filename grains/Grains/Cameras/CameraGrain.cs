using GridCommand.Contracts.Cameras;
using GridCommand.Contracts.Cells;
using GridCommand.Contracts.Intake;
using GridCommand.Rules.Cameras;
using GridCommand.Rules.Geo;

namespace GridCommand.Grains.Cameras;

/// <summary>A camera's alarms: each goes to the station covering the camera's cell, into the event log and out to the walls.</summary>
public sealed class CameraGrain(
    [PersistentState(Contracts.GrainKinds.Camera, Contracts.GrainKinds.Storage)] IPersistentState<CameraAlarms> state, GridServices services)
    : GridGrain<CameraAlarms>(state, services, Contracts.GrainKinds.Camera), ICameraGrain
{
    public async Task<CameraAlarmView> Alarm(CameraAlarm a)
    {
        var c = a.Camera;
        var stationId = await Grains.GetGrain<ICellGrain>(c.CellId).StationId();
        var candidate = stationId is null ? null : await Grains.GetGrain<IStationIntakeGrain>(stationId)
            .AddCameraAlarm(new CameraReport(c.Id, c.Name, c.CellId, new GeoPoint(c.Lat, c.Lon), a.Kind, a.Type, a.Priority, a.At));
        var view = new CameraAlarmView(c.Id, c.Name, c.Lat, c.Lon, c.CellId, a.Kind, a.Type, a.Priority, a.At, stationId, candidate?.Id,
            candidate?.Reports ?? 1);
        State.Add(view);
        await Save("camera.alarm", a.By, $"{a.Kind} {candidate?.Id ?? "-"}");
        Feed.CameraAlarmed(view);
        return view;
    }

    public Task<IReadOnlyList<CameraAlarmView>> Recent() => Task.FromResult<IReadOnlyList<CameraAlarmView>>([.. State.Latest.AsEnumerable().Reverse()]);
}

/// <summary>A camera's latest alarms, oldest first.</summary>
public sealed class CameraAlarms
{
    public const int Keep = 20;

    public List<CameraAlarmView> Latest { get; set; } = [];

    public void Add(CameraAlarmView alarm)
    {
        Latest.Add(alarm);
        if (Latest.Count > Keep) Latest.RemoveRange(0, Latest.Count - Keep);
    }
}
