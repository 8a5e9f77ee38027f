using System.Text.Json;
using System.Text.Json.Nodes;
using CoachingBot.Teams.Cards;
using CoachingBot.Teams.Dialogs;

namespace CoachingBot.Sessions;

/// <summary>
/// Options in two cards: first list as many as you can (quantity before quality, as GROW's Options stage asks),
/// then weigh each (impact and ease, a pro and a con) and choose one or more.
/// </summary>
public static class OptionsCard
{
    public const int MaxOptions = 5;
    public const int MaxOptionLength = 200;
    public const int MaxNoteLength = 200;
    public const string ListTitle = "Save my options";
    public const string WeighTitle = "Save my choice";

    public static string OptionId(int index) => CardParts.Numbered("option", index);

    public static string ImpactId(int index) => CardParts.Numbered("impact", index);

    public static string EaseId(int index) => CardParts.Numbered("ease", index);

    public static string ProId(int index) => CardParts.Numbered("pro", index);

    public static string ConId(int index) => CardParts.Numbered("con", index);

    public static string ChosenId(int index) => CardParts.Numbered("chosen", index);

    /// <summary>The listing card: up to five options, the first required.</summary>
    public static AdaptiveCard ListForm(CardFormView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var body = new List<CardElement>
        {
            CardParts.Heading("Your options"),
            CardParts.Note("Write up to five ways forward, however unlikely, one in each box. One is enough to go on."),
        };
        for (var i = 0; i < MaxOptions; i++)
        {
            body.Add(new TextInput(OptionId(i), $"Option {i + 1}") { IsRequired = i == 0, MaxLength = MaxOptionLength, ErrorMessage = i == 0 ? "Please write at least one option." : null });
        }

        return new AdaptiveCard { Body = body, Actions = [new SubmitAction(ListTitle, new JsonObject { [CardKinds.Field] = CardKinds.Options })] };
    }

    public static PromptValidation<IReadOnlyList<string>> ReadList(JsonElement value)
    {
        var form = FormReader.From(value);
        var options = new List<string>();
        for (var i = 0; i < MaxOptions; i++)
        {
            if (form.Text(OptionId(i), $"Option {i + 1}", required: i == 0, maxLength: MaxOptionLength) is { } text)
            {
                options.Add(text);
            }
        }

        if (form.IsValid && options.Distinct(StringComparer.OrdinalIgnoreCase).Count() != options.Count)
        {
            form.AddError(FormReader.FormErrorKey, "Two options are the same; make each one different.");
        }

        return PromptValidation.From<IReadOnlyList<string>>(form, () => options);
    }

    /// <summary>The weighing card for the options listed (passed in the prompt's values as option1..optionN).</summary>
    public static AdaptiveCard WeighForm(CardFormView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var listed = Listed(view.Values);
        var body = new List<CardElement>
        {
            CardParts.Heading("Weigh your options"),
            CardParts.Note("For each: how much difference would it make, how easy is it (1 low, 5 high), one thing for it and one against. Then choose one or more."),
        };
        for (var i = 0; i < listed.Count; i++)
        {
            body.Add(new Container
            {
                Separator = true,
                Items =
                [
                    new TextBlock(listed[i]) { Weight = TextWeight.Bolder },
                    CardParts.Scale(ImpactId(i), "Impact (1 to 5)", 1, 5, required: true),
                    CardParts.Scale(EaseId(i), "Ease (1 to 5)", 1, 5, required: true),
                    new TextInput(ProId(i), "For it") { MaxLength = MaxNoteLength },
                    new TextInput(ConId(i), "Against it") { MaxLength = MaxNoteLength },
                    new ToggleInput(ChosenId(i), "I choose this option"),
                ],
            });
        }

        // The option texts travel in the submit data: they are the user's own words, checked again on the way back.
        var data = new JsonObject { [CardKinds.Field] = CardKinds.OptionsWeighed };
        for (var i = 0; i < listed.Count; i++)
        {
            data[OptionId(i)] = listed[i];
        }

        return new AdaptiveCard { Body = body, Actions = [new SubmitAction(WeighTitle, data)] };
    }

    public static PromptValidation<IReadOnlyList<OptionItem>> ReadWeighing(JsonElement value)
    {
        var form = FormReader.From(value);
        var listed = new List<string>();
        for (var i = 0; i < MaxOptions; i++)
        {
            if (form.Text(OptionId(i), $"Option {i + 1}", maxLength: MaxOptionLength) is { } text)
            {
                listed.Add(text);
            }
        }

        if (form.IsValid && listed.Count == 0)
        {
            form.AddError(FormReader.FormErrorKey, "This card lost its options; please list them again.");
        }

        var items = new List<OptionItem>();
        for (var i = 0; i < listed.Count; i++)
        {
            var impact = form.WholeNumber(ImpactId(i), $"Impact of option {i + 1}", required: true, min: 1, max: 5);
            var ease = form.WholeNumber(EaseId(i), $"Ease of option {i + 1}", required: true, min: 1, max: 5);
            var pro = form.Text(ProId(i), $"For option {i + 1}", maxLength: MaxNoteLength);
            var con = form.Text(ConId(i), $"Against option {i + 1}", maxLength: MaxNoteLength);
            var chosen = form.Toggle(ChosenId(i), $"Choice of option {i + 1}");
            items.Add(new OptionItem(listed[i], impact, ease, pro, con, chosen));
        }

        if (form.IsValid && !items.Any(item => item.Chosen))
        {
            form.AddError(FormReader.FormErrorKey, "Choose at least one option to take forward.");
        }

        return PromptValidation.From<IReadOnlyList<OptionItem>>(form, () => items);
    }

    /// <summary>The prompt values that carry the listed options into the weighing card.</summary>
    public static IReadOnlyDictionary<string, string> AsValues(IReadOnlyList<string> listed) =>
        listed.Select((text, i) => (OptionId(i), text)).ToDictionary(pair => pair.Item1, pair => pair.text, StringComparer.Ordinal);

    public static IReadOnlyList<string> Listed(IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return [.. Enumerable.Range(0, MaxOptions).Select(i => values.GetValueOrDefault(OptionId(i))).OfType<string>()];
    }

    public static AdaptiveCard Saved(IReadOnlyList<OptionItem> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var body = new List<CardElement> { CardParts.Heading("Your options (saved)") };
        foreach (var option in options)
        {
            var line = $"{(option.Chosen ? "✔ " : string.Empty)}{option.Text}";
            body.Add(new TextBlock(line) { Weight = option.Chosen ? TextWeight.Bolder : null });
            if (option.Impact is not null)
            {
                body.Add(CardParts.Note($"Impact {option.Impact}/5, ease {option.Ease}/5{Part("for", option.Pro)}{Part("against", option.Con)}"));
            }
        }

        return new AdaptiveCard { Body = body };
    }

    public static AdaptiveCard SavedList(IReadOnlyList<string> listed) =>
        Saved([.. listed.Select(text => new OptionItem(text))]);

    private static string Part(string label, string? text) => string.IsNullOrWhiteSpace(text) ? string.Empty : $"; {label}: {text}";
}
