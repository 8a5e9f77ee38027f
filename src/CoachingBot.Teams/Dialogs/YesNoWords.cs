using System.Text.RegularExpressions;

namespace CoachingBot.Teams.Dialogs;

/// <summary>
/// Reads yes or no in the forms people type them: "yes please", "yep", "sure", "ok", "of course", "no thanks",
/// "nope", "not really", "yesss". A message that opens with one (the longest phrase that fits) and says nothing of
/// the other side later ("yes, let's start", "no, not today") counts; one that mixes them ("yes and no") or hedges
/// ("not sure", "maybe") does not.
/// </summary>
internal static partial class YesNoWords
{
    // Phrases are matched after letters repeated for emphasis are run together ("yesss", "nooo", "okk"), so they
    // are stored that way too.
    private static readonly string[][] YesPhrases = Phrases(
        "yes", "y", "yeah", "yea", "ya", "yah", "yep", "yup", "aye", "sure", "ok", "okay", "k", "kk", "alright", "all right",
        "of course", "certainly", "definitely", "absolutely", "go ahead", "go on", "let's go", "lets go", "let's do it",
        "lets do it", "let's start", "sure why not", "ok why not", "sounds good", "why not", "sure thing", "fine", "please", "yes please", "i do", "i will",
        "i am", "i'm ready", "ready", "no problem", "no worries", "not a problem", "that's right", "correct", "right");

    private static readonly string[][] NoPhrases = Phrases(
        "no", "n", "nope", "nah", "naw", "never", "not really", "not now", "not yet", "not today", "not at the moment",
        "not right now", "no way", "not at all", "no thanks", "no thank you", "i don't think so", "don't think so",
        "i'd rather not", "rather not", "i don't", "i do not", "i won't", "negative", "nay");

    // Words that, later in the message, say the other side (or a doubt) and make it neither.
    private static readonly HashSet<string> YesWords = new(["yes", "yeah", "yep", "yup", "sure", "ok", "okay"], StringComparer.Ordinal);
    private static readonly HashSet<string> NoWords = new(["no", "nope", "nah", "not", "never", "don't", "dont", "won't"], StringComparer.Ordinal);
    private static readonly HashSet<string> Hedges = new(["but", "maybe", "perhaps", "unsure", "idk"], StringComparer.Ordinal);

    /// <summary>True for yes, false for no, null when <paramref name="text"/> is neither or both.</summary>
    public static bool? Read(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = Words().Matches(text.ToLowerInvariant().Replace('\u2019', '\''))
            .Select(match => Squeeze(match.Value))
            .ToArray();
        if (words.Length == 0)
        {
            return null;
        }

        var yes = LongestOpening(words, YesPhrases);
        var no = LongestOpening(words, NoPhrases);
        if (yes == no)
        {
            // Neither, or a phrase both lists could claim: not an answer.
            return null;
        }

        var saysYes = yes > no;
        var rest = words.Skip(Math.Max(yes, no)).ToArray();
        var otherSide = saysYes ? NoWords : YesWords;
        if (rest.Any(word => otherSide.Contains(word) || Hedges.Contains(word)))
        {
            return null;
        }

        return saysYes;
    }

    /// <summary>How many opening words of <paramref name="words"/> the longest of <paramref name="phrases"/> covers; 0 for none.</summary>
    private static int LongestOpening(string[] words, string[][] phrases)
    {
        var longest = 0;
        foreach (var phrase in phrases)
        {
            if (phrase.Length > longest && phrase.Length <= words.Length && phrase.AsSpan().SequenceEqual(words.AsSpan(0, phrase.Length)))
            {
                longest = phrase.Length;
            }
        }

        return longest;
    }

    private static string[][] Phrases(params string[] phrases) =>
        [.. phrases.Select(phrase => Words().Matches(phrase).Select(match => Squeeze(match.Value)).ToArray())];

    private static string Squeeze(string word) => RepeatedLetter().Replace(word, "$1");

    [GeneratedRegex(@"[\p{L}']+", RegexOptions.CultureInvariant)]
    private static partial Regex Words();

    [GeneratedRegex(@"(\p{L})\1+", RegexOptions.CultureInvariant)]
    private static partial Regex RepeatedLetter();
}
