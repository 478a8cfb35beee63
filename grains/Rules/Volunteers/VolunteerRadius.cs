namespace GridCommand.Rules.Volunteers;

/// <summary>How far around the incident an order reaches: a street's length up to a district's width.</summary>
public static class VolunteerRadius
{
    public const int MinMeters = 100;
    public const int MaxMeters = 10_000;

    /// <returns>an error for a radius out of range, or null.</returns>
    public static string? Check(double? meters) =>
        meters is { } m && double.IsFinite(m) && m >= MinMeters && m <= MaxMeters
            ? null
            : $"radiusMeters must be a number from {MinMeters} to {MaxMeters}.";
}
