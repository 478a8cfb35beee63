namespace GridCommand.Rules.Lockdown;

/// <summary>The ids of the city's lockdown plans and of its activations not stood down yet.</summary>
public sealed class LockdownCatalogue
{
    public SortedSet<string> PlanIds { get; set; } = new(StringComparer.Ordinal);
    public SortedSet<string> Active { get; set; } = new(StringComparer.Ordinal);
}
