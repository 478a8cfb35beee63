namespace GridCommand.Rules.Intake;

/// <summary>How alike two short texts are: the overlap of their character pairs, which works for Chinese without word splitting.</summary>
public static class TextSimilarity
{
    /// <returns>0 (nothing shared) to 1 (the same pairs).</returns>
    public static double Of(string a, string b)
    {
        var (x, y) = (Pairs(a), Pairs(b));
        if (x.Count == 0 || y.Count == 0) return 0;
        return (double)x.Intersect(y).Count() / x.Union(y).Count();
    }

    private static HashSet<string> Pairs(string text)
    {
        var letters = new string(text.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());
        return Enumerable.Range(0, Math.Max(0, letters.Length - 1)).Select(i => letters.Substring(i, 2)).ToHashSet();
    }
}
