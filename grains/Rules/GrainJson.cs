using System.Text.Json;
using System.Text.Json.Serialization;

namespace GridCommand.Rules;

/// <summary>
/// The one JSON shape of the rules' types, wherever they go: grain state in storage, the rules' records between
/// silos, and the API. camelCase, enums as kebab-case strings.
/// </summary>
public static class GrainJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static byte[] SerializeToUtf8Bytes<T>(T value) => JsonSerializer.SerializeToUtf8Bytes(value, Options);

    /// <summary>An enum value as it appears on the wire, e.g. "patrol-car".</summary>
    public static string WireName<T>(T value) where T : struct, Enum => Serialize(value).Trim('"');

    public static T Deserialize<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new JsonException($"Empty {typeof(T).Name} payload");

    public static T Deserialize<T>(ReadOnlySpan<byte> utf8Json) =>
        JsonSerializer.Deserialize<T>(utf8Json, Options) ?? throw new JsonException($"Empty {typeof(T).Name} payload");
}
