using System.Globalization;
using System.Text.Json.Nodes;

namespace CoachingBot.Teams.Cards;

/// <summary>
/// Checks a card against what Teams renders. Run it on every card a builder makes (in tests), so a mistake is
/// found before a user sees a blank card or a send fails with 413.
/// </summary>
public static class CardChecker
{
    /// <summary>
    /// The largest card accepted, in bytes of UTF-16 (two per character of JSON). Teams counts a bot message's whole
    /// payload as UTF-16, and its documented limit has moved from 28 KB to 40 KB to about 100 KB (80 KB recommended).
    /// Holding the card alone to the oldest and smallest figure leaves room for the activity around it under every one
    /// of them; a card near 14,000 characters is too long to read in a chat anyway.
    /// </summary>
    public const int MaxCardSizeUtf16Bytes = 28 * 1024;

    /// <summary>Teams refreshes a card automatically for at most this many users.</summary>
    public const int MaxRefreshUserIds = 60;

    private static readonly Version Highest = new(1, 5);
    private static readonly Version ExecuteNeeds = new(1, 4);

    /// <summary>Every problem found; empty when the card is fine.</summary>
    public static IReadOnlyList<CardProblem> Check(AdaptiveCard card)
    {
        ArgumentNullException.ThrowIfNull(card);
        var walk = new Walk(ReadVersion(card.Version));

        if (walk.Version is null)
        {
            walk.Report("version", $"Version \"{card.Version}\" is not a schema version such as \"1.5\".");
        }
        else if (walk.Version > Highest)
        {
            walk.Report("version", $"Version {card.Version} is above 1.5, the highest Teams renders; Teams would show the fallback text.");
        }

        walk.Card(card, "");

        if (card.Refresh is { } refresh)
        {
            if (refresh.Action is null)
            {
                walk.Report("refresh", "A refresh needs an Action.Execute.");
            }
            else
            {
                walk.Action(refresh.Action, "refresh.action", ActionPlace.Refresh);
            }

            if (refresh.UserIds is { Count: > MaxRefreshUserIds } ids)
            {
                walk.Report("refresh.userIds", $"Teams refreshes for at most {MaxRefreshUserIds} users; this card lists {ids.Count}.");
            }
        }

        var size = card.ToJson().Length * 2;
        if (size > MaxCardSizeUtf16Bytes)
        {
            walk.Report("", string.Create(CultureInfo.InvariantCulture,
                $"The card is {size:N0} bytes as UTF-16, over the {MaxCardSizeUtf16Bytes:N0} allowed; Teams may refuse the message."));
        }

        walk.CheckDataAgainstInputs();
        return walk.Problems;
    }

    /// <summary>Throws <see cref="InvalidOperationException"/> listing the problems, for builders that must not send a bad card.</summary>
    public static void EnsureValid(AdaptiveCard card)
    {
        var problems = Check(card);
        if (problems.Count > 0)
        {
            throw new InvalidOperationException("The card would not render in Teams: " + string.Join("; ", problems));
        }
    }

    private static Version? ReadVersion(string? text) =>
        text is not null && text.Count(c => c == '.') == 1
            && Version.TryParse(text, out var version) ? version : null;

    private enum ActionPlace
    {
        Button,
        SelectAction,
        Refresh,
    }

    private sealed class Walk(Version? version)
    {
        private readonly Dictionary<string, string> _inputPaths = new(StringComparer.Ordinal);
        private readonly List<(JsonObject Data, string Path)> _data = [];

        public Version? Version { get; } = version;

        public List<CardProblem> Problems { get; } = [];

        public void Report(string path, string message) => Problems.Add(new CardProblem(path.Length == 0 ? "card" : path, message));

        public void Card(AdaptiveCard card, string prefix)
        {
            Elements(card.Body, Join(prefix, "body"));
            Actions(card.Actions, Join(prefix, "actions"));
        }

        private void Elements(IList<CardElement>? elements, string path)
        {
            if (elements is null)
            {
                return;
            }

            for (var i = 0; i < elements.Count; i++)
            {
                Element(elements[i], $"{path}[{i}]");
            }
        }

        private void Actions(IList<AdaptiveAction>? actions, string path)
        {
            if (actions is null)
            {
                return;
            }

            for (var i = 0; i < actions.Count; i++)
            {
                Action(actions[i], $"{path}[{i}]", ActionPlace.Button);
            }
        }

        private void Element(CardElement? element, string path)
        {
            switch (element)
            {
                case null:
                    Report(path, "The element is null.");
                    break;
                case TextBlock text when string.IsNullOrWhiteSpace(text.Text):
                    Report(path, "A TextBlock has no text; Teams refuses the card.");
                    break;
                case RichTextBlock rich:
                    if (rich.Inlines.Count == 0 || rich.Inlines.All(run => string.IsNullOrWhiteSpace(run?.Text)))
                    {
                        Report(path, "A RichTextBlock has no text.");
                    }

                    break;
                case FactSet facts when facts.Facts.Count == 0:
                    Report(path, "A FactSet has no facts.");
                    break;
                case Container container:
                    Elements(container.Items, Join(path, "items"));
                    SelectAction(container.SelectAction, path);
                    break;
                case ColumnSet set:
                    for (var i = 0; i < set.Columns.Count; i++)
                    {
                        var columnPath = $"{path}.columns[{i}]";
                        Elements(set.Columns[i]?.Items, Join(columnPath, "items"));
                        SelectAction(set.Columns[i]?.SelectAction, columnPath);
                    }

                    SelectAction(set.SelectAction, path);
                    break;
                case Image image when image.Url is null:
                    Report(path, "An Image has no url.");
                    break;
                case ActionSet set:
                    Actions(set.Actions, Join(path, "actions"));
                    break;
                case CardInput input:
                    Input(input, path);
                    break;
            }
        }

        private void SelectAction(AdaptiveAction? action, string path)
        {
            if (action is not null)
            {
                Action(action, Join(path, "selectAction"), ActionPlace.SelectAction);
            }
        }

        private void Input(CardInput input, string path)
        {
            if (string.IsNullOrWhiteSpace(input.Id))
            {
                Report(path, "An input has no id, so its value cannot be submitted.");
            }
            else if (_inputPaths.TryGetValue(input.Id, out var first))
            {
                Report(path, $"Input id \"{input.Id}\" is also used at {first}; only one value would arrive.");
            }
            else
            {
                _inputPaths[input.Id] = path;
            }

            // Teams shows a required input's errorMessage when the button is pressed with it empty; without one the
            // field is outlined in red and the user is not told why.
            if (input.IsRequired == true && string.IsNullOrWhiteSpace(input.ErrorMessage))
            {
                Report(path, $"Required input \"{input.Id}\" has no errorMessage, so Teams would mark it without saying why.");
            }

            switch (input)
            {
                case ChoiceSetInput choices:
                    ChoiceSet(choices, path);
                    break;
                case ToggleInput toggle when string.IsNullOrWhiteSpace(toggle.Title):
                    Report(path, "An Input.Toggle has no title; Teams refuses the card.");
                    break;
                case NumberInput number when number.Min > number.Max:
                case DateInput date when date.Min > date.Max:
                case TimeInput time when time.Min > time.Max:
                    Report(path, "The input's min is after its max, so no value is allowed.");
                    break;
            }
        }

        private void ChoiceSet(ChoiceSetInput input, string path)
        {
            if (input.Choices.Count == 0)
            {
                Report(path, "An Input.ChoiceSet has no choices.");
                return;
            }

            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < input.Choices.Count; i++)
            {
                var choice = input.Choices[i];
                var choicePath = $"{path}.choices[{i}]";
                if (string.IsNullOrWhiteSpace(choice?.Title) || string.IsNullOrEmpty(choice.Value))
                {
                    Report(choicePath, "A choice needs a title and a value.");
                }
                else if (!seen.Add(choice.Value))
                {
                    Report(choicePath, $"Choice value \"{choice.Value}\" appears twice.");
                }
                else if (input.IsMultiSelect == true && choice.Value.Contains(',', StringComparison.Ordinal))
                {
                    Report(choicePath, $"Choice value \"{choice.Value}\" has a comma; a multi-select set joins values with commas.");
                }
            }
        }

        public void Action(AdaptiveAction? action, string path, ActionPlace place)
        {
            switch (action)
            {
                case null:
                    Report(path, "The action is null.");
                    break;
                case SubmitAction submit:
                    RememberData(submit.Data, path);
                    break;
                case ExecuteAction execute:
                    if (Version is not null && Version < ExecuteNeeds)
                    {
                        Report(path, $"Action.Execute needs card version 1.4 or later; this card is {Version.ToString(2)}.");
                    }

                    if (string.IsNullOrWhiteSpace(execute.Verb))
                    {
                        Report(path, "An Action.Execute has no verb.");
                    }

                    RememberData(execute.Data, path);
                    break;
                case ShowCardAction when place != ActionPlace.Button:
                    Report(path, "Action.ShowCard only works as a button.");
                    break;
                case ShowCardAction { Card: null }:
                    Report(path, "An Action.ShowCard has no card.");
                    break;
                case ShowCardAction show:
                    Card(show.Card!, Join(path, "card"));
                    break;
                case OpenUrlAction { Url: null }:
                    Report(path, "An Action.OpenUrl has no url.");
                    break;
            }

            if (place == ActionPlace.Button && action is not null && string.IsNullOrWhiteSpace(action.Title))
            {
                Report(path, "A button has no title.");
            }
        }

        private void RememberData(JsonNode? data, string path)
        {
            if (data is JsonObject fields)
            {
                _data.Add((fields, path));
            }
        }

        // Teams merges the inputs into the action's data object, so a data field named like an input is overwritten.
        public void CheckDataAgainstInputs()
        {
            foreach (var (data, path) in _data)
            {
                foreach (var (name, _) in data)
                {
                    if (_inputPaths.ContainsKey(name))
                    {
                        Report(Join(path, "data"), $"Data field \"{name}\" has the same name as an input; the input's value would replace it.");
                    }
                }
            }
        }

        private static string Join(string prefix, string name) => prefix.Length == 0 ? name : $"{prefix}.{name}";
    }
}
