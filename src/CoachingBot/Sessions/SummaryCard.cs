using CoachingBot.Models;
using CoachingBot.Teams.Cards;

namespace CoachingBot.Sessions;

/// <summary>
/// The end of a conversation on one card: goal, reality, chosen options, actions with dates, whether it did what the
/// client wanted, FIRST ratings and their comment. Sent at the end, and again from <c>history</c>.
/// </summary>
public static class SummaryCard
{
    /// <summary>How much of a long answer the card shows at first; the rest is one click away (a ShowCard), never lost.</summary>
    public const int MaxExcerptLength = 280;

    public static string FullTextTitle => CardTexts.FullTextTitle;
    public static string ContractCheckTitle => CardTexts.SummaryContractCheck;
    public static string FirstCommentTitle => CardTexts.YourComment;

    public static AdaptiveCard Build(CoachingModel model, CoachingConversation conversation, IReadOnlyList<ActionItem> actions)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(conversation);
        ArgumentNullException.ThrowIfNull(actions);
        var body = new List<CardElement>
        {
            CardParts.Heading(TextFormat.Format(CardTexts.SummaryHeading, model.ShortName)),
            CardParts.Note(TextFormat.Format(CardTexts.SummarySaved, CardParts.LongDate(DateOnly.FromDateTime(conversation.StartedAt.UtcDateTime)))),
        };

        if (conversation.PresentingNeed is { } need)
        {
            Section(body, CardTexts.SummaryWanted, Excerpt(need));
        }

        if (conversation.Goal is { } goal)
        {
            Section(body, CardTexts.SummaryGoal, TextFormat.Format(CardTexts.SummaryGoalBy, goal.Goal, CardParts.LongDate(goal.TargetDate)));
        }

        foreach (var stage in model.Stages.Where(stage => stage.Captures == CaptureKind.Text))
        {
            if (conversation.Answers.TryGetValue(stage.Id, out var answer))
            {
                LongSection(body, stage.Title, answer);
            }
        }

        var chosen = conversation.Options.Where(option => option.Chosen).Select(option => "- " + option.Text).ToList();
        if (chosen.Count > 0)
        {
            Section(body, CardTexts.SummaryChosen, string.Join('\n', chosen));
        }

        if (actions.Count > 0)
        {
            body.Add(new TextBlock(CardTexts.SummaryActions) { Weight = TextWeight.Bolder, Separator = true });
            body.Add(new FactSet { Facts = [.. actions.Select(action => new Fact(CardParts.LongDate(action.ByWhen), action.What))] });
        }

        if (conversation.FollowUpOn is { } followUp)
        {
            Section(body, CardTexts.SummaryFollowUp, CardParts.LongDate(followUp));
        }

        if (conversation.ContractCheck is { } contractCheck)
        {
            Section(body, ContractCheckTitle, contractCheck);
        }

        if (conversation.FirstRatings.Count > 0)
        {
            body.Add(new TextBlock(CardTexts.SummaryFirst) { Weight = TextWeight.Bolder, Separator = true });
            body.Add(new FactSet { Facts = [.. FirstModel.Factors.Where(f => conversation.FirstRatings.ContainsKey(f.Id)).Select(f => new Fact(f.Title, TextFormat.Format(CardTexts.RatingOutOfFive, conversation.FirstRatings[f.Id])))] });
        }

        if (!string.IsNullOrWhiteSpace(conversation.FirstComment))
        {
            LongSection(body, FirstCommentTitle, conversation.FirstComment);
        }

        return new AdaptiveCard { Body = body };
    }

    private static void Section(List<CardElement> body, string title, string text)
    {
        body.Add(new TextBlock(title) { Weight = TextWeight.Bolder, Separator = true });
        body.Add(new TextBlock(text));
    }

    /// <summary>
    /// A section whose text, when long, shows its start and a button that opens the whole inside the card: the card
    /// stays short to scan, and nothing the client wrote is hidden from them.
    /// </summary>
    private static void LongSection(List<CardElement> body, string title, string text)
    {
        Section(body, title, Excerpt(text));
        if (text.Length > MaxExcerptLength)
        {
            body.Add(new ActionSet
            {
                Actions = [new ShowCardAction { Title = FullTextTitle, Card = new AdaptiveCard { Schema = null, Version = null, Body = [new TextBlock(text)] } }],
            });
        }
    }

    private static string Excerpt(string text) =>
        text.Length <= MaxExcerptLength ? text : string.Concat(text.AsSpan(0, MaxExcerptLength).TrimEnd(), "…");
}
