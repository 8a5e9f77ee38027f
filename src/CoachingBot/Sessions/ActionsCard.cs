using System.Text.Json;
using System.Text.Json.Nodes;
using CoachingBot.Teams.Cards;
using CoachingBot.Teams.Dialogs;

namespace CoachingBot.Sessions;

/// <summary>Actions: what, by when, the support needed and confidence (1 to 10), up to three, the first required.</summary>
public static class ActionsCard
{
    public const int MaxActions = 3;
    public const int MaxWhatLength = 300;
    public const int MaxSupportLength = 300;
    public static string SaveTitle => CardTexts.ActionsSaveTitle;

    public static string WhatId(int index) => CardParts.Numbered("what", index);

    public static string ByWhenId(int index) => CardParts.Numbered("byWhen", index);

    public static string SupportId(int index) => CardParts.Numbered("support", index);

    public static string ConfidenceId(int index) => CardParts.Numbered("confidence", index);

    /// <summary>The prompt values for the path the client chose: the short path asks for one action.</summary>
    public static IReadOnlyDictionary<string, string>? PathValues(bool isShort) => CardParts.PathValues(isShort);

    public static AdaptiveCard Form(CardFormView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var rows = CardParts.IsShortPath(view.Values) ? 1 : MaxActions;
        var body = new List<CardElement>
        {
            CardParts.Heading(rows == 1 ? CardTexts.ActionsHeadingShort : CardTexts.ActionsHeading),
            CardParts.Note(rows == 1 ? CardTexts.ActionsNoteShort : CardTexts.ActionsNote),
        };
        for (var i = 0; i < rows; i++)
        {
            body.Add(new Container
            {
                Separator = i > 0,
                Items =
                [
                    new TextBlock(Numbered(CardTexts.ActionNumbered, i)) { Weight = TextWeight.Bolder },
                    new TextInput(WhatId(i), CardTexts.WhatLabel) { IsRequired = i == 0, MaxLength = MaxWhatLength, ErrorMessage = i == 0 ? CardTexts.WhatRequired : null },
                    new DateInput(ByWhenId(i), CardTexts.ByWhenLabel) { IsRequired = i == 0, ErrorMessage = i == 0 ? CardTexts.ByWhenRequired : null },
                    new TextInput(SupportId(i), CardTexts.SupportLabel) { MaxLength = MaxSupportLength },
                    CardParts.Scale(ConfidenceId(i), CardTexts.ConfidenceLabel, 1, 10, required: i == 0),
                ],
            });
        }

        return new AdaptiveCard { Body = body, Actions = [new SubmitAction(SaveTitle, new JsonObject { [CardKinds.Field] = CardKinds.Actions })] };
    }

    /// <summary>Reads the actions; an action with any field filled needs its what, date and confidence.</summary>
    public static PromptValidation<IReadOnlyList<ActionDraft>> Read(JsonElement value, DateOnly today)
    {
        var form = FormReader.From(value);
        var actions = new List<ActionDraft>();
        for (var i = 0; i < MaxActions; i++)
        {
            var started = i == 0 || new[] { WhatId(i), ByWhenId(i), SupportId(i), ConfidenceId(i) }.Any(id => !string.IsNullOrWhiteSpace(form.Field(id)));
            var what = form.Text(WhatId(i), Numbered(CardTexts.ActionNumbered, i), required: started, maxLength: MaxWhatLength);
            var byWhen = form.Date(ByWhenId(i), Numbered(CardTexts.ByWhenName, i), required: started, today: today);
            var support = form.Text(SupportId(i), Numbered(CardTexts.SupportName, i), maxLength: MaxSupportLength);
            var confidence = form.WholeNumber(ConfidenceId(i), Numbered(CardTexts.ConfidenceName, i), required: started, min: 1, max: 10);
            if (started && what is not null && byWhen is not null && confidence is not null)
            {
                actions.Add(new ActionDraft(what, byWhen.Value, support, confidence.Value));
            }
        }

        return PromptValidation.From<IReadOnlyList<ActionDraft>>(form, () => actions);
    }

    public static AdaptiveCard Saved(IReadOnlyList<ActionDraft> actions)
    {
        ArgumentNullException.ThrowIfNull(actions);
        var body = new List<CardElement> { CardParts.Heading(CardTexts.ActionsSavedHeading) };
        foreach (var action in actions)
        {
            body.Add(new TextBlock($"**{action.What}**"));
            body.Add(CardParts.Note(ByWhenNote(action.ByWhen, action.Confidence) + (string.IsNullOrWhiteSpace(action.Support) ? string.Empty : TextFormat.Format(CardTexts.WithSupport, action.Support))));
        }

        return new AdaptiveCard { Body = body };
    }

    /// <summary>"By 6 March 2026 · confidence 7/10", under an action on the saved and open-actions cards.</summary>
    public static string ByWhenNote(DateOnly byWhen, int confidence) => TextFormat.Format(CardTexts.ByDateWithConfidence, CardParts.LongDate(byWhen), confidence);

    private static string Numbered(string format, int index) => TextFormat.Format(format, index + 1);
}

/// <summary>An action as the client wrote it on the card, before it becomes a tracked item.</summary>
public sealed record ActionDraft(string What, DateOnly ByWhen, string? Support, int Confidence);
