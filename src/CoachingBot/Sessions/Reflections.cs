using System.Globalization;
using System.Text;
using CoachingBot.Models;

namespace CoachingBot.Sessions;

/// <summary>
/// What the bot says back after a stage: the client's own words, shortened at a word boundary and never reworded,
/// and the one-line "so far" (goal, what is true now, what the client is considering) at each stage change.
/// </summary>
public static class Reflections
{
    /// <summary>How much of an answer a reflection quotes.</summary>
    public const int QuoteLength = 160;

    /// <summary>How much of each part the "so far" line quotes.</summary>
    public const int SoFarLength = 70;

    public static string SaidLead => SessionReplies.SaidLead;

    public static string SoFarLead => SessionReplies.SoFarLead;

    /// <summary>
    /// <paramref name="text"/> on one line (paragraphs joined with " / "), cut before <paramref name="max"/> characters at the last space (inside a word
    /// only when one word is longer than that), its trailing punctuation dropped and an ellipsis to show it was cut.
    /// </summary>
    public static string Shorten(string text, int max)
    {
        ArgumentNullException.ThrowIfNull(text);
        // Paragraphs (an answer and the answer to a deeper question) stay apart with a slash; lines and spaces run on.
        var paragraphs = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var flat = string.Join(" / ", paragraphs.Select(paragraph => string.Join(' ', paragraph.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))));
        if (flat.Length <= max)
        {
            return flat;
        }

        var cut = flat.LastIndexOf(' ', Math.Max(0, max - 1));
        var kept = cut > 0 ? flat[..cut] : flat[..max];
        return kept.TrimEnd(',', ';', ':', '.', '-', '–', '/', ' ') + "…";
    }

    public static string Quote(string text, int max = QuoteLength) => $"“{Shorten(text, max)}”";

    /// <summary>The reflection of a finished stage, from what the client gave in it; null when there is nothing to say back.</summary>
    public static string? AfterStage(Stage stage, CoachingConversation conversation, IReadOnlyList<ActionItem> actions)
    {
        ArgumentNullException.ThrowIfNull(stage);
        ArgumentNullException.ThrowIfNull(conversation);
        return stage.Captures switch
        {
            CaptureKind.Text => conversation.Answers.TryGetValue(stage.Id, out var answer) ? $"{SaidLead} {Quote(answer)}" : null,
            CaptureKind.Goal => conversation.Goal is { } goal ? TextFormat.Format(SessionReplies.ReflectGoal, Quote(goal.Goal), CardParts.LongDate(goal.TargetDate)) : null,
            CaptureKind.Options => Options(conversation.Options),
            _ => Actions(actions),
        };
    }

    /// <summary>The actions agreed, each in the client's words with its date.</summary>
    public static string? Actions(IReadOnlyList<ActionItem> actions)
    {
        ArgumentNullException.ThrowIfNull(actions);
        return actions.Count == 0
            ? null
            : TextFormat.Format(SessionReplies.ReflectActions, string.Join("; ", actions.Select(action => TextFormat.Format(SessionReplies.ReflectAction, Quote(action.What, SoFarLength), CardParts.LongDate(action.ByWhen)))));
    }

    /// <summary>"So far · Goal: … · Now: … · Considering: …", with only the parts the client has given.</summary>
    public static string? SoFar(CoachingModel model, CoachingConversation conversation)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(conversation);
        var goal = conversation.Goal?.Goal ?? Answer(model, conversation, SoFarPart.Goal);
        var now = Answer(model, conversation, SoFarPart.Now);
        var chosen = conversation.Options.Where(option => option.Chosen).Select(option => option.Text).ToList();
        var considering = chosen.Count > 0 ? chosen : [.. conversation.Options.Select(option => option.Text)];

        var line = new StringBuilder();
        Part(line, conversation.Goal is null ? SessionReplies.SoFarHereFor : SessionReplies.SoFarGoal, goal);
        Part(line, SessionReplies.SoFarNow, now);
        Part(line, chosen.Count > 0 ? SessionReplies.SoFarChosen : SessionReplies.SoFarConsidering, considering.Count == 0 ? null : string.Join("; ", considering));
        return line.Length == 0 ? null : SoFarLead + line;
    }

    private static string? Options(IReadOnlyList<OptionItem> options)
    {
        var chosen = options.Where(option => option.Chosen).ToList();
        if (chosen.Count > 0)
        {
            return TextFormat.Format(SessionReplies.ReflectChosen, string.Join("; ", chosen.Select(option => Quote(option.Text, SoFarLength))));
        }

        return options.Count == 0 ? null : TextFormat.Format(SessionReplies.ReflectListed, string.Join("; ", options.Select(option => Quote(option.Text, SoFarLength))));
    }

    private static string? Answer(CoachingModel model, CoachingConversation conversation, SoFarPart part) =>
        model.Stages.Where(stage => stage.SoFar == part && stage.Captures == CaptureKind.Text)
            .Select(stage => conversation.Answers.GetValueOrDefault(stage.Id))
            .FirstOrDefault(answer => answer is not null);

    private static void Part(StringBuilder line, string label, string? text)
    {
        if (!string.IsNullOrWhiteSpace(text))
        {
            line.Append(TextFormat.Format(SessionReplies.SoFarPart, label, Shorten(text, SoFarLength)));
        }
    }
}
