using System.Runtime.Serialization;
using Akka.Actor;
using Akka.Configuration;
using GridCommand.Grains;
using GridCommand.Grains.Actors;
using GridCommand.Grains.Incidents;
using GridCommand.Grains.Messages;
using GridCommand.Grains.Serialization;
using GridCommand.Grains.Stations;
using GridCommand.Grains.Units;
using GridCommand.Silo.Hosting;
using Xunit;

namespace GridCommand.Tests.Rules;

/// <summary>An actor system configured as a node is (minus the cluster), for its serialization settings.</summary>
public sealed class SerializationSystem : IDisposable
{
    public ActorSystem System { get; } = ActorSystem.Create("serialization",
        ConfigurationFactory.ParseString("akka.actor.provider = local").WithFallback(ClusterHocon.Build(new ClusterOptions())));

    public void Dispose() => System.Dispose();
}

public sealed class ProtocolSerializerTests(SerializationSystem fixture) : IClassFixture<SerializationSystem>
{
    private static readonly DateTimeOffset At = new(2030, 5, 1, 21, 15, 30, 123, TimeSpan.FromHours(8));

    private static readonly UnitSnapshot Snapshot = new("P001", UnitKind.PatrolMotorbike, "明月湖摩托巡01组", DutyStatus.EnRoute,
        32.401234567, 119.412345678, At, 275.5, false, "S01", "C10-12", "I300501-211530-0A1B", 42);

    private static readonly Dictionary<string, IProtocolMessage> Messages = new()
    {
        ["UnitInCell"] = new UnitInCell("C10-12", Snapshot),
        ["OpenIncident"] = new OpenIncident("I300501-211530-0A1B", "theft", 2, 32.4, 119.41, "文昌路88号", "电动车被盗",
            IncidentSource.Call110, null, At, "值班员张三"),
        ["EnrollUnit"] = new EnrollUnit("G00001", UnitKind.Guard, "李四", "S02", "江滨岗亭1号", "保安队", "ABCDEF", "admin"),
        ["ReportPosition"] = new ReportPosition("P001", 32.4, 119.4, At, null, 90, 5.5),
        ["Rejected"] = new Rejected(RejectionCode.Conflict, "Unit P001 is Assigned, not available."),
        ["StopGrain"] = StopGrain.Instance,
        ["RegisterStation"] = new RegisterStation("S01", "明月湖警务工作站", StationKind.Workstation, 32.4, 119.4, ["C10-12", "C10-13"]),
        ["IncidentView"] = new IncidentView("I1", "fight", 1, 32.4, 119.4, null, null, IncidentSource.Radio, "C10-12",
            IncidentStatus.Dispatched, At, 1, null, null, At, null, null,
            [new TaskInfo("I1.T1", "P001", "明月湖摩托巡01组", UnitKind.PatrolMotorbike, 120, GridCommand.Grains.Incidents.TaskStatus.Assigned, "值班员", At, null, null, null, null)],
            [new TimelineEntry(At, "opened", "值班员", "fight P1"), new TimelineEntry(At.AddMinutes(1), "dispatched", "值班员")], 2),
        ["CellView"] = new CellView("C10-12", "鼓楼区网格11-13", "鼓楼区", "S01", [[32.4, 119.4], [32.41, 119.4]], ["C10-13"], [Snapshot],
            ["I1"], new Dictionary<string, int> { ["theft"] = 3 }),
        ["CityChanges"] = new CityChanges([Snapshot], []),
    };

    public static TheoryData<string> MessageNames => new(Messages.Keys);

    private Akka.Serialization.Serialization Serialization => fixture.System.Serialization;

    [Theory]
    [MemberData(nameof(MessageNames))]
    public void Protocol_messages_round_trip_through_the_protocol_serializer(string name)
    {
        var message = Messages[name];

        var serializer = Serialization.FindSerializerFor(message);
        Assert.IsType<ProtocolSerializer>(serializer);

        var manifest = Akka.Serialization.Serialization.ManifestFor(serializer, message);
        Assert.Equal(name, manifest);
        var back = Serialization.Deserialize(serializer.ToBinary(message), serializer.Identifier, manifest);

        Assert.IsType(message.GetType(), back);
        Assert.Equivalent(message, back, strict: true);
    }

    [Fact]
    public void A_unit_snapshot_inside_a_message_arrives_equal_to_the_millisecond_and_offset()
    {
        var message = new UnitInCell("C10-12", Snapshot);
        var serializer = (ProtocolSerializer)Serialization.FindSerializerFor(message);

        var back = (UnitInCell)serializer.FromBinary(serializer.ToBinary(message), serializer.Manifest(message));

        Assert.Equal(message, back);
        Assert.Equal(TimeSpan.FromHours(8), back.Unit.FixAt!.Value.Offset);
    }

    [Fact]
    public void An_unknown_manifest_is_refused()
    {
        var serializer = Serialization.FindSerializerFor(StopGrain.Instance);
        Assert.Throws<SerializationException>(() =>
            Serialization.Deserialize("{}"u8.ToArray(), serializer.Identifier, "System.Diagnostics.Process"));
    }

    [Fact]
    public void A_type_outside_the_protocol_cannot_be_serialized()
    {
        Assert.Throws<SerializationException>(() => Serialization.FindSerializerFor(new NotInProtocol("x")));
        Assert.Throws<SerializationException>(() => Serialization.Serialize(new NotInProtocol("x")));
    }

    private sealed record NotInProtocol(string Value);
}
