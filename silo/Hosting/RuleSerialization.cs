using GridCommand.Rules;
using GridCommand.Rules.Units;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace GridCommand.Silo.Hosting;

/// <summary>
/// The rules' own records (a unit's snapshot, a recommendation, a fix...) cross between silos as the same JSON
/// they are stored in: the rules stay plain C# without Orleans' attributes, and the contracts' records, which
/// carry them, are Orleans-serialized as usual. Every silo and client registers this.
/// </summary>
public static class RuleSerialization
{
    private static readonly System.Reflection.Assembly Rules = typeof(UnitState).Assembly;

    public static IServiceCollection AddRuleSerialization(this IServiceCollection services) =>
        services.AddSerializer(s => s.AddJsonSerializer(isSupported: type => type.Assembly == Rules, GrainJson.Options));
}
