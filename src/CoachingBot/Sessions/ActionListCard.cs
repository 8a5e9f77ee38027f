using System.Text.Json;
using System.Text.Json.Nodes;
using CoachingBot.Teams.Cards;
using CoachingBot.Teams.Dialogs;

namespace CoachingBot.Sessions;

/// <summary>The client's open actions, each with its status to change, saved with one button.</summary>
public static class ActionListCard
{
    public static string SaveTitle => CardTexts.ActionListSaveTitle;
    public const string StatusPrefix = "status.";

    public static IReadOnlyList<(ActionStatus Status, string Title)> Statuses =>
    [
        (ActionStatus.Open, CardTexts.StatusOpen),
        (ActionStatus.InProgress, CardTexts.StatusInProgress),
        (ActionStatus.Done, CardTexts.StatusDone),
        (ActionStatus.Dropped, CardTexts.StatusDropped),
    ];

    public static AdaptiveCard Build(IReadOnlyList<ActionItem> actions)
    {
        ArgumentNullException.ThrowIfNull(actions);
        var body = new List<CardElement>
        {
            CardParts.Heading(CardTexts.ActionListHeading),
            CardParts.Note(CardTexts.ActionListNote),
        };
        foreach (var action in actions)
        {
            body.Add(new Container
            {
                Separator = true,
                Items =
                [
                    new TextBlock(action.What) { Weight = TextWeight.Bolder },
                    CardParts.Note(ActionsCard.ByWhenNote(action.ByWhen, action.Confidence)),
                    new ChoiceSetInput(StatusPrefix + action.Id.ToString("N"), CardTexts.StatusLabel)
                    {
                        Style = ChoiceInputStyle.Compact,
                        Value = action.Status.ToString(),
                        Choices = [.. Statuses.Select(s => new Choice(s.Title, s.Status.ToString()))],
                    },
                ],
            });
        }

        return new AdaptiveCard { Body = body, Actions = [new SubmitAction(SaveTitle, new JsonObject { [CardKinds.Field] = CardKinds.ActionList })] };
    }

    /// <summary>Reads the statuses submitted, by action id. Ids come from the card; ownership is checked when saving.</summary>
    public static PromptValidation<IReadOnlyDictionary<Guid, ActionStatus>> Read(JsonElement value)
    {
        var form = FormReader.From(value);
        var changes = new Dictionary<Guid, ActionStatus>();
        if (value.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in value.EnumerateObject().Where(p => p.Name.StartsWith(StatusPrefix, StringComparison.Ordinal)))
            {
                var allowed = Statuses.Select(s => s.Status.ToString());
                if (!Guid.TryParseExact(property.Name[StatusPrefix.Length..], "N", out var id))
                {
                    form.AddError(property.Name, CardTexts.UnknownAction);
                    continue;
                }

                if (form.Choice(property.Name, allowed, CardTexts.StatusLabel, required: true) is { } chosen)
                {
                    changes[id] = Enum.Parse<ActionStatus>(chosen);
                }
            }
        }

        return PromptValidation.From<IReadOnlyDictionary<Guid, ActionStatus>>(form, () => changes);
    }
}
