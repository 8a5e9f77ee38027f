using System.Text.Json;
using System.Text.Json.Nodes;
using CoachingBot.Teams.Cards;
using CoachingBot.Teams.Dialogs;

namespace CoachingBot.Sessions;

/// <summary>
/// Options in two cards: first list up to five (quantity before quality, as GROW's Options stage asks),
/// then weigh each (impact and ease, a pro and a con) and choose one or more.
/// </summary>
public static class OptionsCard
{
    public const int MaxOptions = 5;
    public const int MaxOptionLength = 200;
    public const int MaxNoteLength = 200;
    public static string ListTitle => CardTexts.OptionsSaveTitle;
    public static string WeighTitle => CardTexts.WeighSaveTitle;
    public static string ShortlistTitle => CardTexts.ShortlistSaveTitle;
    public const string ShortlistId = "shortlist";

    /// <summary>The most options the weighing card takes, so it stays at four inputs each and twelve in all.</summary>
    public const int MaxWeighed = 3;

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
            CardParts.Heading(CardTexts.OptionsHeading),
            CardParts.Note(CardTexts.OptionsNote),
        };
        for (var i = 0; i < MaxOptions; i++)
        {
            body.Add(new TextInput(OptionId(i), OptionName(i)) { IsRequired = i == 0, MaxLength = MaxOptionLength, ErrorMessage = i == 0 ? CardTexts.OptionRequired : null });
        }

        return new AdaptiveCard { Body = body, Actions = [new SubmitAction(ListTitle, new JsonObject { [CardKinds.Field] = CardKinds.Options })] };
    }

    public static PromptValidation<IReadOnlyList<string>> ReadList(JsonElement value)
    {
        var form = FormReader.From(value);
        var options = new List<string>();
        for (var i = 0; i < MaxOptions; i++)
        {
            if (form.Text(OptionId(i), OptionName(i), required: i == 0, maxLength: MaxOptionLength) is { } text)
            {
                options.Add(text);
            }
        }

        if (form.IsValid && options.Distinct(StringComparer.OrdinalIgnoreCase).Count() != options.Count)
        {
            form.AddError(FormReader.FormErrorKey, CardTexts.OptionsSame);
        }

        return PromptValidation.From<IReadOnlyList<string>>(form, () => options);
    }

    /// <summary>
    /// With more than <see cref="MaxWeighed"/> options listed, the client picks those worth weighing, so the weighing
    /// card stays short (the options passed in the prompt's values as option1..optionN, as for the weighing card).
    /// </summary>
    public static AdaptiveCard ShortlistForm(CardFormView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var listed = Listed(view.Values);
        var data = new JsonObject { [CardKinds.Field] = CardKinds.OptionsShortlist };
        for (var i = 0; i < listed.Count; i++)
        {
            data[OptionId(i)] = listed[i];
        }

        return new AdaptiveCard
        {
            Body =
            [
                CardParts.Heading(CardTexts.ShortlistHeading),
                CardParts.Note(TextFormat.Format(CardTexts.ShortlistNote, MaxWeighed)),
                new ChoiceSetInput(ShortlistId, CardTexts.ShortlistLabel)
                {
                    IsMultiSelect = true,
                    Style = ChoiceInputStyle.Expanded,
                    IsRequired = true,
                    ErrorMessage = CardTexts.ShortlistRequired,
                    Choices = [.. listed.Select((text, i) => new Choice(text, (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)))],
                },
            ],
            Actions = [new SubmitAction(ShortlistTitle, data)],
        };
    }

    public static PromptValidation<IReadOnlyList<string>> ReadShortlist(JsonElement value)
    {
        var form = FormReader.From(value);
        var listed = new List<string>();
        for (var i = 0; i < MaxOptions; i++)
        {
            if (form.Text(OptionId(i), OptionName(i), maxLength: MaxOptionLength) is { } text)
            {
                listed.Add(text);
            }
        }

        var picked = (form.Field(ShortlistId) ?? string.Empty)
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(number => int.TryParse(number, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n >= 1 && n <= listed.Count ? listed[n - 1] : null)
            .ToList();
        if (picked.Count == 0 || picked.Any(text => text is null))
        {
            form.AddError(ShortlistId, CardTexts.ShortlistNoneValid);
        }
        else if (picked.Count > MaxWeighed)
        {
            form.AddError(ShortlistId, TextFormat.Format(CardTexts.PickNoMoreThan, MaxWeighed));
        }

        return PromptValidation.From<IReadOnlyList<string>>(form, () => [.. picked.OfType<string>().Distinct(StringComparer.Ordinal)]);
    }

    /// <summary>The weighing card for the options listed (passed in the prompt's values as option1..optionN).</summary>
    public static AdaptiveCard WeighForm(CardFormView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var listed = Listed(view.Values);
        var body = new List<CardElement>
        {
            CardParts.Heading(CardTexts.WeighHeading),
            CardParts.Note(CardTexts.WeighNote),
        };
        for (var i = 0; i < listed.Count; i++)
        {
            body.Add(new Container
            {
                Separator = true,
                Items =
                [
                    new TextBlock(listed[i]) { Weight = TextWeight.Bolder },
                    CardParts.Scale(ImpactId(i), CardTexts.ImpactLabel, 1, 5, required: true),
                    CardParts.Scale(EaseId(i), CardTexts.EaseLabel, 1, 5, required: true),
                    new TextInput(ProId(i), CardTexts.ProLabel) { MaxLength = MaxNoteLength },
                    new ToggleInput(ChosenId(i), CardTexts.ChosenLabel),
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
            if (form.Text(OptionId(i), OptionName(i), maxLength: MaxOptionLength) is { } text)
            {
                listed.Add(text);
            }
        }

        if (form.IsValid && listed.Count == 0)
        {
            form.AddError(FormReader.FormErrorKey, CardTexts.WeighLostOptions);
        }

        var items = new List<OptionItem>();
        for (var i = 0; i < listed.Count; i++)
        {
            var impact = form.WholeNumber(ImpactId(i), Numbered(CardTexts.ImpactName, i), required: true, min: 1, max: 5);
            var ease = form.WholeNumber(EaseId(i), Numbered(CardTexts.EaseName, i), required: true, min: 1, max: 5);
            var pro = form.Text(ProId(i), Numbered(CardTexts.ForName, i), maxLength: MaxNoteLength);
            var con = form.Text(ConId(i), Numbered(CardTexts.AgainstName, i), maxLength: MaxNoteLength);
            var chosen = form.Toggle(ChosenId(i), Numbered(CardTexts.ChoiceName, i));
            items.Add(new OptionItem(listed[i], impact, ease, pro, con, chosen));
        }

        if (form.IsValid && !items.Any(item => item.Chosen))
        {
            form.AddError(FormReader.FormErrorKey, CardTexts.ChooseAtLeastOne);
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
        var body = new List<CardElement> { CardParts.Heading(CardTexts.OptionsSavedHeading) };
        foreach (var option in options)
        {
            var line = $"{(option.Chosen ? "✔ " : string.Empty)}{option.Text}";
            body.Add(new TextBlock(line) { Weight = option.Chosen ? TextWeight.Bolder : null });
            if (option.Impact is not null)
            {
                body.Add(CardParts.Note(TextFormat.Format(CardTexts.OptionWeighed, option.Impact, option.Ease) + Part(CardTexts.OptionFor, option.Pro) + Part(CardTexts.OptionAgainst, option.Con)));
            }
        }

        return new AdaptiveCard { Body = body };
    }

    public static AdaptiveCard SavedList(IReadOnlyList<string> listed) =>
        Saved([.. listed.Select(text => new OptionItem(text))]);

    /// <summary>"Option 2": the <paramref name="index"/>th option (from 0) as people count.</summary>
    public static string OptionName(int index) => Numbered(CardTexts.OptionLabel, index);

    private static string Numbered(string format, int index) => TextFormat.Format(format, index + 1);

    private static string Part(string format, string? text) => string.IsNullOrWhiteSpace(text) ? string.Empty : TextFormat.Format(format, text);
}
