using GridCommand.Rules;
using GridCommand.Rules.Units;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.Serialization.Cloning;

namespace GridCommand.Silo.Hosting;

/// <summary>What crosses between silos and clients beyond Orleans' defaults. Every silo and client registers this.</summary>
public static class GridSerialization
{
    private static readonly System.Reflection.Assembly Rules = typeof(UnitState).Assembly;

    /// <summary>
    /// The rules' own records (a unit's snapshot, a recommendation, a fix...) travel as the same JSON they are stored
    /// in: the rules stay plain C# without Orleans' attributes, and the contracts' records, which carry them, are
    /// Orleans-serialized as usual; inside a silo the immutable ones are not copied at all (<see cref="SharedRuleValues"/>).
    /// PostgreSQL's exceptions travel too: Orleans only sends exceptions from the
    /// System, Microsoft and Orleans namespaces, and a grain whose database refused it would otherwise send no
    /// answer at all, leaving its caller waiting for the response timeout instead of answering 503 at once.
    /// </summary>
    public static IServiceCollection AddGridSerialization(this IServiceCollection services)
    {
        services.Configure<ExceptionSerializationOptions>(o => o.SupportedNamespacePrefixes.Add("Npgsql"));
        services.AddSingleton<IGeneralizedCopier, SharedRuleValues>(); // before the JSON codec: Orleans asks its copiers in order
        return services.AddSerializer(s => s.AddJsonSerializer(
            isSerializable: type => type.Assembly == Rules,
            isCopyable: type => type.Assembly == Rules && !SharedRuleValues.Types.Contains(type),
            options => options.Configure(o => o.SerializerOptions = GrainJson.Options)));
    }
}
