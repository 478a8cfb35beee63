using System.Text.RegularExpressions;

namespace GridCommand.Rules.Intake;

/// <summary>
/// Pre-judges a chat message against the dictionary: urgent when any urgent word or pattern matches, else a service
/// request when a service word does, else noise. Chinese words match anywhere in the text; English words only as
/// whole words ("fire" is not in "firework"), any case.
/// </summary>
public sealed class ChatClassifier
{
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(50);
    private readonly IReadOnlyList<(Regex Regex, IntakeTerm Term)> _terms;

    /// <exception cref="ArgumentException">a configured pattern is not a valid regular expression</exception>
    public ChatClassifier(IntakeSettings settings)
    {
        var words = Merge(IntakeSettings.DefaultKeywords, settings.Keywords).Select(t => (WordRegex(t.Word), t));
        var patterns = Merge(IntakeSettings.DefaultPatterns, settings.Patterns).Select(t => (PatternRegex(t.Word), t));
        _terms = words.Concat(patterns).ToList();
    }

    public Judgment Classify(string text)
    {
        var hits = _terms
            .Select(t => (t.Term, Match: Find(t.Regex, text)))
            .Where(h => h.Match is { Success: true })
            .OrderBy(h => h.Term.Class).ThenBy(h => h.Match!.Index)
            .ToList();
        if (hits.Count == 0) return Judgment.Noise;
        var first = hits[0].Term;
        return new Judgment(first.Class, first.Type, hits.Select(h => h.Match!.Value).Distinct().ToList());
    }

    /// <summary>A configured term replaces the default with the same word; one of class noise only removes it.</summary>
    private static IEnumerable<IntakeTerm> Merge(IEnumerable<IntakeTerm> defaults, IEnumerable<IntakeTerm> configured)
    {
        var byWord = defaults.ToDictionary(t => t.Word);
        foreach (var term in configured.Where(t => t.Word.Length > 0)) byWord[term.Word] = term;
        return byWord.Values.Where(t => t.Class != MessageClass.Noise);
    }

    private static Match? Find(Regex regex, string text)
    {
        try
        {
            return regex.Match(text);
        }
        catch (RegexMatchTimeoutException)
        {
            return null;
        }
    }

    private static Regex WordRegex(string word) =>
        new(word.All(char.IsAscii) ? $@"\b{Regex.Escape(word)}\b" : Regex.Escape(word), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, MatchTimeout);

    private static Regex PatternRegex(string pattern)
    {
        try
        {
            return new Regex(pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, MatchTimeout);
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException($"Intake:Patterns has an invalid regular expression {pattern}: {e.Message}", e);
        }
    }
}
