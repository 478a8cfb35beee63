using GridCommand.Contracts;
using GridCommand.Contracts.Cameras;
using GridCommand.Contracts.Cells;
using GridCommand.Contracts.Feed;
using GridCommand.Contracts.Incidents;
using GridCommand.Contracts.Intake;
using GridCommand.Contracts.Lockdown;
using GridCommand.Contracts.Stations;
using GridCommand.Contracts.Units;
using GridCommand.Rules;
using GridCommand.Rules.Auth;
using GridCommand.Rules.Cameras;
using GridCommand.Rules.Dispatch;
using GridCommand.Rules.Geo;
using GridCommand.Rules.Incidents;
using GridCommand.Rules.Intake;
using GridCommand.Rules.Lockdown;
using GridCommand.Rules.Stations;
using GridCommand.Rules.Units;
using GridCommand.Silo.Hosting;
using GridCommand.Silo.Storage;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.Serialization.Cloning;

namespace GridCommand.Tests.Rules;

/// <summary>
/// What crosses between silos and clients: the contracts' records (Orleans-serialized, the rules' records inside
/// them as JSON) arrive equal, Chinese text and time offsets included; and grain state survives its storage serializer.
/// </summary>
public sealed class WireSerializationTests
{
    private static readonly DateTimeOffset At = new(2030, 5, 1, 21, 15, 30, 123, TimeSpan.FromHours(8));

    private static readonly UnitSnapshot Snapshot = new("P001", UnitKind.PatrolMotorbike, "明月湖摩托巡01组", DutyStatus.EnRoute,
        32.401234567, 119.412345678, At, 275.5, false, "S01", "C10-12", "I300501-211530-0A1B.T1", 42);

    private static readonly IncidentView Incident = new("I1", "fight", 1, 32.4, 119.4, "文昌路88号", null, IncidentSource.Radio, "C10-12",
        IncidentStatus.Dispatched, At, 1, null, null, At, null, null,
        [new TaskInfo("I1.T1", "P001", "明月湖摩托巡01组", UnitKind.PatrolMotorbike, 120, GridCommand.Rules.Incidents.TaskStatus.Assigned, "值班员", At, null, null, null, null)],
        [new TimelineEntry(At, "opened", "值班员", "fight P1"), new TimelineEntry(At.AddMinutes(1), "dispatched", "值班员")], 2);

    private static readonly TaskView Task = new("I1.T1", "I1", "P001", "fight", 1, 32.4, 119.4, "文昌路88号", "两人打架", 120,
        GridCommand.Rules.Incidents.TaskStatus.Assigned);

    private static readonly GridCommand.Rules.Cells.CellLoad CellLoad = new("C10-12", 5,
        new Dictionary<UnitKind, int> { [UnitKind.Guard] = 3, [UnitKind.PatrolCar] = 1 }, 1, 2, new GridCommand.Rules.Cells.CellCoverage(42, "P001"));

    private static readonly GridCommand.Rules.Checkins.Checkin Checkin = new("K261201-101500-0A1B", "G00001", "王华", UnitKind.Guard, "S01",
        "C10-12", GridCommand.Rules.Checkins.CheckinCategory.Inspection, "消防通道畅通", 32.4, 119.4, At, "image/jpeg");

    private static readonly GridCommand.Rules.Volunteers.VolunteerOrder VolunteerOrder = new("O261201-101500-0A1B", "I1", "missing-person",
        "文昌路88号", 32.4, 119.4, 1500, "寻找走失儿童", GridCommand.Rules.Volunteers.VolunteerOrderStatus.Claimed, "值班员", At, 2,
        "V00101", "李四", "龙城众队001队", "I1.T2", At.AddMinutes(1), null, 0, 2);

    private static readonly LockdownPoint BlockingPoint = new("B001", "文昌路口", PointKind.BlockingPoint, Ring.Core, 32.4, 119.4);

    private static readonly Dictionary<string, object> Values = new()
    {
        ["PositionFix"] = new PositionFix(new GeoPoint(32.4, 119.4), At, null, 90, 5.5),
        ["UnitEnrolment"] = new UnitEnrolment(UnitKind.Guard, "李四", "S02", "江滨岗亭1号", "保安队", "ABCDEF", "admin"),
        ["UnitView"] = new UnitView(Snapshot, "岗亭", "一中队", 30, 5),
        ["CellView"] = new CellView("C10-12", "鼓楼区网格11-13", "鼓楼区", "S01", "明月湖警务工作站",
            new GridCommand.Rules.Cells.GridWorker("王建国", "13912345678"), [[32.4, 119.4], [32.41, 119.4]], ["C10-13"], [Snapshot],
            ["I1"], [new GridCommand.Rules.Cells.CellIncident("I1", "theft", 32.4, 119.4, At)], new Dictionary<string, int> { ["theft"] = 3 },
            new GridCommand.Rules.Cells.CellCoverage(95, "P001"), [Checkin]),
        ["Checkin"] = Checkin,
        ["CellRoster"] = new CellRoster([Snapshot]),
        ["OpenIncidentsInCell"] = new OpenIncidentsInCell(new Dictionary<string, GridCommand.Rules.Cells.OpenIncidentRef>
            { ["I1"] = new("theft", 32.4, 119.4, At) }),
        ["StationRegistration"] = new StationRegistration("明月湖警务工作站", StationKind.Workstation, 32.4, 119.4, ["C10-12", "C10-13"]),
        ["StationView"] = new StationView("S01", "明月湖警务工作站", StationKind.PoliceRoom, 32.4, 119.4, ["C10-12"], ["P001"]),
        ["IncidentOpening"] = new IncidentOpening("theft", 2, 32.4, 119.41, "文昌路88号", "电动车被盗", IncidentSource.Call110, null, At, "值班员张三"),
        ["IncidentView"] = Incident,
        ["IncidentReport"] = new IncidentReport(IncidentTypes.Find("noise")!, 3, new GeoPoint(32.4, 119.4), null, "噪音扰民", IncidentSource.Chat, "req-1", true, "值班员"),
        ["IntakeResult"] = new IntakeResult(Incident, "I0", false),
        ["DispatchOrder"] = new DispatchOrder("P001", "req-1", true, false, "值班员"),
        ["TaskAssigned"] = new TaskAssigned("I1.T1", "P001", 120),
        ["Withdrawal"] = new Withdrawal("I1.T1", "改派", true, null, "值班员"),
        ["TaskView"] = Task,
        ["Recommendation"] = new Recommendation("P001", UnitKind.PatrolCar, "明月湖车巡01组", 118, 900, 3),
        ["CityChanges"] = new CityChanges([Snapshot], [Incident], [Task], [new TaskWithdrawal("P002", "I2.T1")],
            [new Revocation(Revocation.OfUnit("P001"), At, false, At.AddDays(1), 3)], [CellLoad]),
        ["CoverageBatch"] = new GridCommand.Contracts.Coverage.CoverageBatch(
            [new GridCommand.Rules.Coverage.CoverageEntry("P001", 7, 42), new GridCommand.Rules.Coverage.CoverageEntry("G00001", 3, null)]),
        ["Revocation"] = new Revocation(Revocation.OfUser("zhang.wei"), At, true, At.AddHours(12), 4),
        ["PlanSummary"] = new PlanSummary("guan-cheng-men", "关城门", 147, 8, 67, 48, 32, 1),
        ["PlanView"] = new PlanView("guan-cheng-men", "关城门", 1, At, "commander", [BlockingPoint]),
        ["ActivationOrder"] = new ActivationOrder("guan-cheng-men", null, [Ring.Core, Ring.Urban], true, "dispatcher"),
        ["ActivationView"] = new ActivationView("L261201-184127-EB82", "guan-cheng-men", "关城门", null, true, [Ring.Core], "dispatcher",
            At, null, null, true, 42, null, 0, 1, 0,
            [new PointView(1, BlockingPoint.Id, BlockingPoint.Name, BlockingPoint.Kind, BlockingPoint.Ring, BlockingPoint.Lat, BlockingPoint.Lon,
                PointState.EnRoute, "L261201-184127-EB82.P1", "P001", "明月湖车巡01组", UnitKind.PatrolCar, 95, At, null)], 3),
        ["ChatMessage"] = new ChatMessage("G0001", "C10-12", "张先生", "有人打架，快来", At),
        ["ChatVerdict"] = new ChatVerdict(MessageClass.Urgent, "fight", ["打架"], "C10-12", "S01", "S01.M1", 2),
        ["ChatGroupView"] = new ChatGroupView("G0001", "C10-12", "文昌花园业主群"),
        ["CandidateView"] = new CandidateView("S01.M1", "S01", MessageClass.Urgent, "fight", "C10-12", ["有人打架，快来"], ["打架"], ["G0001", "G0002"],
            2, At, At.AddMinutes(1), CandidateStatus.Escalated, "I1", "station", At.AddMinutes(2)),
        ["IntakeToday"] = new IntakeToday(new DateOnly(2026, 12, 1), 120, 7, 3),
        ["VolunteerOrder"] = VolunteerOrder,
        ["VolunteerOrderPublication"] = new GridCommand.Contracts.Volunteers.VolunteerOrderPublication("I1", 1500, "寻找走失儿童，红色外套", ["V00101"], "值班员"),
        ["VolunteerOrderChange"] = new GridCommand.Contracts.Volunteers.VolunteerOrderChange(VolunteerOrder, ["V00101", "V00102"]),
        ["TeamStanding"] = new GridCommand.Rules.Volunteers.TeamStanding(1, "龙城众队001队", 120, 12, 9),
        ["VolunteerStanding"] = new GridCommand.Rules.Volunteers.VolunteerStanding("V00101", "龙城众队001队", 30, 3),
        // issue 11 part 4: the camera layer
        ["CameraAlarm"] = new CameraAlarm(new Camera("CAM00001", "文昌阁东", 32.39, 119.41, "C10-12", "球机", "公安", "https://v.example/1", null),
            "fire", "fire", 1, At, "connector:video-1"),
        ["CameraReport"] = new CameraReport("CAM00001", "文昌阁东", "C10-12", new GeoPoint(32.39, 119.41), "fire", "fire", 1, At),
        ["CameraCandidateView"] = new CandidateView("S01.M2", "S01", MessageClass.Urgent, "fire", "C10-12", ["文昌阁东"], ["fire"], ["CAM00001"],
            1, At, At, CandidateStatus.Pending, null, null, null, "CAM00001", 32.39, 119.41),
        ["CityChangesWithCameraAlarms"] = new CityChanges([], [], [], [], [], [], null, null,
            [new CameraAlarmView("CAM00001", "文昌阁东", 32.39, 119.41, "C10-12", "fire", "fire", 1, At, "S01", "S01.M2", 1)]),
    };


    private readonly IServiceProvider _services = new ServiceCollection().AddGridSerialization().BuildServiceProvider();

    public static TheoryData<string> Names => new(Values.Keys);

    [Theory]
    [MemberData(nameof(Names))]
    public void Crosses_the_wire_and_arrives_equal(string name)
    {
        var value = Values[name];
        var serializer = _services.GetRequiredService<Serializer<object>>();

        var back = serializer.Deserialize(serializer.SerializeToArray(value));

        Assert.IsType(value.GetType(), back);
        Assert.Equal(GrainJson.Serialize(value), GrainJson.Serialize(back));
    }

    [Fact]
    public void A_unit_snapshot_inside_a_record_keeps_its_time_to_the_millisecond_and_its_offset()
    {
        var serializer = _services.GetRequiredService<Serializer<UnitView>>();

        var back = serializer.Deserialize(serializer.SerializeToArray((UnitView)Values["UnitView"]));

        Assert.Equal(Snapshot, back!.Unit);
        Assert.Equal(TimeSpan.FromHours(8), back.Unit.FixAt!.Value.Offset);
    }

    [Fact]
    public void A_refusal_arrives_with_its_code_message_and_next_choice()
    {
        var serializer = _services.GetRequiredService<Serializer<Exception>>();
        var next = (Recommendation)Values["Recommendation"];

        var back = Assert.IsType<Refusal>(serializer.Deserialize(serializer.SerializeToArray(
            new Refusal(RejectionCode.Conflict, "Unit P001 is assigned, not available.", next))));

        Assert.Equal((RejectionCode.Conflict, "Unit P001 is assigned, not available.", next), (back.Code, back.Message, back.NextChoice));
    }

    [Fact]
    public void Immutable_records_are_handed_on_within_a_silo_without_copying()
    {
        var copier = _services.GetRequiredService<DeepCopier>();
        var changes = Values["CityChanges"];
        Assert.Same(changes, copier.Copy(changes));
        // The rules' values passed on their own (a fix to a unit, a snapshot to a cell) too: not through JSON and back.
        Assert.Same(Snapshot, copier.Copy(Snapshot));
        Assert.Same(Values["Recommendation"], copier.Copy(Values["Recommendation"]));
    }

    public static TheoryData<Type> SharedTypes => new(SharedRuleValues.Types);

    [Theory]
    [MemberData(nameof(SharedTypes))]
    public void A_rule_value_shared_without_copying_cannot_be_changed(Type type)
    {
        foreach (var property in type.GetProperties())
        {
            var setter = property.SetMethod;
            var initOnly = setter?.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(System.Runtime.CompilerServices.IsExternalInit)) == true;
            Assert.True(setter is null || initOnly || !setter.IsPublic, $"{type.Name}.{property.Name} can be set");
            var valueType = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            Assert.True(valueType.IsPrimitive || valueType.IsEnum || valueType == typeof(string) || valueType == typeof(DateTimeOffset)
                || SharedRuleValues.Types.Contains(valueType), $"{type.Name}.{property.Name} is a {valueType.Name}, which may change");
        }
    }

    [Fact]
    public void Grain_state_survives_the_storage_serializer_as_readable_json()
    {
        var unit = new UnitState { UnitId = "P001", Kind = UnitKind.PatrolCar, Name = "明月湖车巡01组", Status = DutyStatus.Available, Seq = 7 };
        unit.ApplyFix(new PositionFix(TestCity.Centre("C10-12"), At), TestCity.Grid, At, TimeSpan.FromMinutes(2));
        var storage = new JsonGrainStorageSerializer();

        var stored = storage.Serialize(unit);
        var back = storage.Deserialize<UnitState>(stored);

        Assert.Contains("\"status\":\"available\"", stored.ToString());
        Assert.Equal(GrainJson.Serialize(unit), GrainJson.Serialize(back));
        Assert.Equal(unit.Snapshot(), back.Snapshot());
    }
}
