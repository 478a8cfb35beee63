namespace GridCommand.Rules;

/// <summary>
/// What a grain id may be: 1–64 ASCII letters, digits, '-', '_' and '.'. Every id from outside is checked
/// against this before any grain is touched: an id that databases or logs choke on (a NUL byte, control
/// characters, hundreds of characters) never becomes a grain.
/// </summary>
public static class GridIds
{
    public const int MaxLength = 64;

    public static bool IsValid(string? id) =>
        id is { Length: > 0 and <= MaxLength } && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');

    /// <returns>an error naming the field, or null when the id is valid.</returns>
    public static string? Check(string field, string? id) =>
        IsValid(id) ? null : $"{field} must be 1–{MaxLength} letters, digits, '-', '_' or '.'.";
}
