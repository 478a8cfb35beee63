using GridCommand.Rules.Geo;

namespace GridCommand.Rules.Lockdown;

/// <summary>What a plan must be: a name, 1–<see cref="MaxPoints"/> points inside the city, each with a unique id, a name, a kind and a ring.</summary>
public static class LockdownPlanRules
{
    public const int MaxPoints = 500;
    public const int MaxNameLength = 200;

    /// <summary>Checks a plan and reads its points; a point without an id gets its number ("B001", "K002": blocking point, checkpoint).</summary>
    /// <returns>an error a person can read (naming the point), or null with <paramref name="points"/> set.</returns>
    public static string? Read(string? name, IReadOnlyList<LockdownPointInput>? inputs, GeoBounds city, out List<LockdownPoint> points)
    {
        points = [];
        if (NameError("name", name) is { } nameError) return nameError;
        if (inputs is not { Count: > 0 }) return "points must list at least one point.";
        if (inputs.Count > MaxPoints) return $"A plan has at most {MaxPoints} points.";
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < inputs.Count; i++)
        {
            var p = inputs[i];
            var where = $"points[{i}]";
            if (p is null) return $"{where} is empty.";
            if (!Wire.TryParse(p.Kind, out PointKind kind)) return $"{where}.kind must be one of {Wire.Names<PointKind>()}.";
            if (!Wire.TryParse(p.Ring, out Ring ring)) return $"{where}.ring must be one of {Wire.Names<Ring>()}.";
            var id = p.Id ?? $"{(kind == PointKind.Checkpoint ? 'K' : 'B')}{i + 1:D3}";
            if (GridIds.Check($"{where}.id", id) is { } idError) return idError;
            if (!ids.Add(id)) return $"{where}.id {id} is used twice.";
            if (NameError($"{where}.name", p.Name) is { } pointName) return pointName;
            if (p.Lat is not { } lat || p.Lon is not { } lon || !double.IsFinite(lat) || !double.IsFinite(lon))
                return $"{where} needs lat and lon as numbers.";
            if (!city.Contains(new GeoPoint(lat, lon)))
                return $"{where} ({lat}, {lon}) is outside the city (lat {city.South:F3}–{city.North:F3}, lon {city.West:F3}–{city.East:F3}).";
            points.Add(new LockdownPoint(id, p.Name!.Trim(), kind, ring, lat, lon));
        }
        return null;
    }

    /// <summary>The rings asked for (all when none is named).</summary>
    /// <returns>an error, or null with <paramref name="rings"/> set.</returns>
    public static string? ReadRings(IReadOnlyList<string>? names, out HashSet<Ring> rings)
    {
        rings = names is null ? [.. Enum.GetValues<Ring>()] : [];
        if (names is null) return null;
        if (names.Count == 0) return $"rings must name at least one of {Wire.Names<Ring>()}, or be left out for all.";
        foreach (var name in names)
        {
            if (!Wire.TryParse(name, out Ring ring)) return $"rings must be some of {Wire.Names<Ring>()}.";
            rings.Add(ring);
        }
        return null;
    }

    private static string? NameError(string field, string? value) =>
        string.IsNullOrWhiteSpace(value) ? $"{field} is required."
        : value.Length > MaxNameLength ? $"{field} is longer than {MaxNameLength} characters."
        : value.Any(char.IsControl) ? $"{field} must not contain control characters."
        : null;
}
