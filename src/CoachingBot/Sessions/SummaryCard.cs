using CoachingBot.Models;
using CoachingBot.Teams.Cards;

namespace CoachingBot.Sessions;

/// <summary>The end of a conversation on one card: goal, reality, chosen options, actions with dates, FIRST ratings.</summary>
public static class SummaryCard
{
    /// <summary>How much of a long answer the summary shows; the whole answer stays saved.</summary>
    public const int MaxExcerptLength = 280;

    public static AdaptiveCard Build(CoachingModel model, CoachingConversation conversation, IReadOnlyList<ActionItem> actions)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(conversation);
        ArgumentNullException.ThrowIfNull(actions);
        var body = new List<CardElement>
        {
            CardParts.Heading($"Your {model.ShortName} conversation"),
            CardParts.Note($"{CardParts.LongDate(DateOnly.FromDateTime(conversation.StartedAt.UtcDateTime))} · saved for you"),
        };

        if (conversation.PresentingNeed is { } need)
        {
            Section(body, "What you wanted from it", Excerpt(need));
        }

        if (conversation.Goal is { } goal)
        {
            Section(body, "Goal", $"{goal.Goal} (by {CardParts.LongDate(goal.TargetDate)})");
        }

        foreach (var stage in model.Stages.Where(stage => stage.Captures == CaptureKind.Text))
        {
            if (conversation.Answers.TryGetValue(stage.Id, out var answer))
            {
                Section(body, stage.Title, Excerpt(answer));
            }
        }

        var chosen = conversation.Options.Where(option => option.Chosen).Select(option => "- " + option.Text).ToList();
        if (chosen.Count > 0)
        {
            Section(body, "Options you chose", string.Join('\n', chosen));
        }

        if (actions.Count > 0)
        {
            body.Add(new TextBlock("Actions") { Weight = TextWeight.Bolder, Separator = true });
            body.Add(new FactSet { Facts = [.. actions.Select(action => new Fact(CardParts.LongDate(action.ByWhen), action.What))] });
        }

        if (conversation.FollowUpOn is { } followUp)
        {
            Section(body, "Next check-in", CardParts.LongDate(followUp));
        }

        if (conversation.FirstRatings.Count > 0)
        {
            body.Add(new TextBlock("How it went (FIRST)") { Weight = TextWeight.Bolder, Separator = true });
            body.Add(new FactSet { Facts = [.. FirstModel.Factors.Where(f => conversation.FirstRatings.ContainsKey(f.Id)).Select(f => new Fact(f.Title, $"{conversation.FirstRatings[f.Id]}/5"))] });
        }

        return new AdaptiveCard { Body = body };
    }

    private static void Section(List<CardElement> body, string title, string text)
    {
        body.Add(new TextBlock(title) { Weight = TextWeight.Bolder, Separator = true });
        body.Add(new TextBlock(text));
    }

    private static string Excerpt(string text) =>
        text.Length <= MaxExcerptLength ? text : string.Concat(text.AsSpan(0, MaxExcerptLength).TrimEnd(), "…");
}
