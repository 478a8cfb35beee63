using GridCommand.Rules;
using GridCommand.Rules.Units;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace GridCommand.Silo.Hosting;

/// <summary>What crosses between silos and clients beyond Orleans' defaults. Every silo and client registers this.</summary>
public static class GridSerialization
{
    private static readonly System.Reflection.Assembly Rules = typeof(UnitState).Assembly;

    /// <summary>
    /// The rules' own records (a unit's snapshot, a recommendation, a fix...) travel as the same JSON they are stored
    /// in: the rules stay plain C# without Orleans' attributes, and the contracts' records, which carry them, are
    /// Orleans-serialized as usual. PostgreSQL's exceptions travel too: Orleans only sends exceptions from the
    /// System, Microsoft and Orleans namespaces, and a grain whose database refused it would otherwise send no
    /// answer at all, leaving its caller waiting for the response timeout instead of answering 503 at once.
    /// </summary>
    public static IServiceCollection AddGridSerialization(this IServiceCollection services)
    {
        services.Configure<ExceptionSerializationOptions>(o => o.SupportedNamespacePrefixes.Add("Npgsql"));
        return services.AddSerializer(s => s.AddJsonSerializer(isSupported: type => type.Assembly == Rules, GrainJson.Options));
    }
}
