namespace GridCommand.Rules.Lockdown;

/// <summary>Enum values by their wire names (kebab case, as <see cref="GrainJson"/> writes them).</summary>
internal static class Wire
{
    public static bool TryParse<T>(string? name, out T value) where T : struct, Enum
    {
        foreach (var candidate in Enum.GetValues<T>())
        {
            if (GrainJson.WireName(candidate) != name) continue;
            value = candidate;
            return true;
        }
        value = default;
        return false;
    }

    public static string Names<T>() where T : struct, Enum => string.Join(", ", Enum.GetValues<T>().Select(GrainJson.WireName));
}
