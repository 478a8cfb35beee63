using GridCommand.Rules.Cells;
using GridCommand.Rules.Dispatch;
using GridCommand.Rules.Geo;
using GridCommand.Rules.Incidents;
using GridCommand.Rules.Units;
using Orleans.Serialization.Cloning;

namespace GridCommand.Silo.Hosting;

/// <summary>
/// The rules' immutable values, passed between grains in one silo as they are. Orleans copies every argument of a
/// call inside a silo; a type it only knows through the JSON codec it copies by writing and reading JSON, which on
/// the hot path (each fix a <see cref="PositionFix"/>, each cell told a <see cref="UnitSnapshot"/>) cost more than the
/// grain's own work. Only records of plain values belong here (a test checks they have no setters).
/// </summary>
public sealed class SharedRuleValues : IGeneralizedCopier
{
    public static readonly IReadOnlySet<Type> Types = new HashSet<Type>
    {
        typeof(PositionFix), typeof(GeoPoint), typeof(GeoBounds), typeof(UnitSnapshot), typeof(Recommendation),
        typeof(OpenIncidentRef), typeof(DispatchTarget), typeof(TimelineEntry), typeof(IncidentType),
    };

    public object? DeepCopy(object? input, CopyContext context) => input;

    public bool IsSupportedType(Type type) => Types.Contains(type);
}
