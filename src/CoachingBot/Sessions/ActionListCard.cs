using System.Text.Json;
using System.Text.Json.Nodes;
using CoachingBot.Teams.Cards;
using CoachingBot.Teams.Dialogs;

namespace CoachingBot.Sessions;

/// <summary>The client's open actions, each with its status to change, saved with one button.</summary>
public static class ActionListCard
{
    public const string SaveTitle = "Update my actions";
    public const string StatusPrefix = "status.";

    public static IReadOnlyList<(ActionStatus Status, string Title)> Statuses { get; } =
    [
        (ActionStatus.Open, "Open"),
        (ActionStatus.InProgress, "In progress"),
        (ActionStatus.Done, "Done"),
        (ActionStatus.Dropped, "Dropped"),
    ];

    public static AdaptiveCard Build(IReadOnlyList<ActionItem> actions)
    {
        ArgumentNullException.ThrowIfNull(actions);
        var body = new List<CardElement>
        {
            CardParts.Heading("Your open actions"),
            CardParts.Note("Change a status and press the button. Only you can see these here."),
        };
        foreach (var action in actions)
        {
            body.Add(new Container
            {
                Separator = true,
                Items =
                [
                    new TextBlock(action.What) { Weight = TextWeight.Bolder },
                    CardParts.Note($"By {CardParts.LongDate(action.ByWhen)} · confidence {action.Confidence}/10"),
                    new ChoiceSetInput(StatusPrefix + action.Id.ToString("N"), "Status")
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
                    form.AddError(property.Name, "This card refers to an action I don't know; please type **actions** for a fresh list.");
                    continue;
                }

                if (form.Choice(property.Name, allowed, "Status", required: true) is { } chosen)
                {
                    changes[id] = Enum.Parse<ActionStatus>(chosen);
                }
            }
        }

        return PromptValidation.From<IReadOnlyDictionary<Guid, ActionStatus>>(form, () => changes);
    }
}
