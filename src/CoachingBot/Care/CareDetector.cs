using System.Text;
using System.Text.RegularExpressions;

namespace CoachingBot.Care;

/// <summary>
/// Decides whether a message signals distress or risk, from the phrase list in <c>CarePhrases.txt</c> (embedded in the
/// assembly). Local and deterministic: no network, no model, nothing kept. See that file for what each group is for.
/// </summary>
internal sealed partial class CareDetector
{
    private const string PhrasesResource = "CoachingBot.Care.CarePhrases.txt";

    // A pattern is simple enough never to come near this; it bounds the cost of a hostile message all the same.
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(250);

    private static readonly HashSet<string> Negations = new(
        ["not", "never", "no", "don't", "dont", "doesn't", "didn't", "isn't", "wasn't", "aren't", "weren't", "haven't", "hasn't", "hadn't", "won't", "wouldn't", "nor", "without"],
        StringComparer.Ordinal);

    private readonly Regex[] _signals;
    private readonly Regex[] _ordinary;

    public CareDetector()
        : this(ReadEmbeddedPhrases())
    {
    }

    /// <summary>Builds the detector from phrase-list text; throws <see cref="FormatException"/> on a line that is not a valid pattern.</summary>
    internal CareDetector(string phrases)
    {
        var (signals, ordinary) = Parse(phrases);
        _signals = [.. signals];
        _ordinary = [.. ordinary];
    }

    internal int SignalCount => _signals.Length;

    /// <summary>True when <paramref name="message"/> should stop the coaching flow.</summary>
    public bool Signals(string? message)
    {
        if (string.IsNullOrWhiteSpace(message))
        {
            return false;
        }

        var text = Normalize(message);
        foreach (var signal in _signals)
        {
            for (var match = signal.Match(text); match.Success; match = match.NextMatch())
            {
                if (!IsNegated(text, match.Index) && !IsOrdinary(text, match))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private bool IsOrdinary(string text, Match signal)
    {
        var end = signal.Index + signal.Length;
        foreach (var idiom in _ordinary)
        {
            for (var match = idiom.Match(text); match.Success; match = match.NextMatch())
            {
                if (match.Index < end && signal.Index < match.Index + match.Length)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>A negation among the three words before the match, in the same clause: "I'm not suicidal".</summary>
    private static bool IsNegated(string text, int index)
    {
        var before = text[..index];
        var clauseStart = ClauseBreak().Matches(before).LastOrDefault() is { } lastBreak ? lastBreak.Index + lastBreak.Length : 0;
        var words = Words().Matches(before[clauseStart..]).Select(word => word.Value).TakeLast(3);
        return words.Any(Negations.Contains);
    }

    private static string Normalize(string message)
    {
        var text = message.ToLowerInvariant().Replace('\u2019', '\'').Replace('\u2018', '\'');
        return Spaces().Replace(text, " ").Trim();
    }

    private static (List<Regex> Signals, List<Regex> Ordinary) Parse(string phrases)
    {
        List<Regex> signals = [];
        List<Regex> ordinary = [];
        List<Regex>? section = null;
        var lineNumber = 0;
        foreach (var rawLine in phrases.Split('\n'))
        {
            lineNumber++;
            var line = rawLine.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            switch (line)
            {
                case "[signals]":
                    section = signals;
                    continue;
                case "[ordinary]":
                    section = ordinary;
                    continue;
            }

            if (section is null)
            {
                throw new FormatException($"Care phrases line {lineNumber}: a pattern before the [signals] or [ordinary] heading.");
            }

            try
            {
                section.Add(new Regex(line, RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, MatchTimeout));
            }
            catch (ArgumentException ex)
            {
                throw new FormatException($"Care phrases line {lineNumber} is not a valid pattern: {ex.Message}", ex);
            }
        }

        if (signals.Count == 0)
        {
            throw new FormatException("The care phrases have no [signals] patterns.");
        }

        return (signals, ordinary);
    }

    private static string ReadEmbeddedPhrases()
    {
        using var stream = typeof(CareDetector).Assembly.GetManifestResourceStream(PhrasesResource)
            ?? throw new InvalidOperationException($"The embedded resource {PhrasesResource} is missing.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    [GeneratedRegex(@"[.,;:!?]+|\bbut\b", RegexOptions.CultureInvariant)]
    private static partial Regex ClauseBreak();

    [GeneratedRegex(@"[a-z']+", RegexOptions.CultureInvariant)]
    private static partial Regex Words();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Spaces();
}
