using System.Globalization;
using System.Text;

namespace CoachingBot.Teams.Cards;

/// <summary>Shows a form card again after a submit the server rejected, as the user left it and with the reasons.</summary>
public static class CardForm
{
    /// <summary>
    /// The id prefix of the lines this class adds; they are removed before adding new ones, so a card that was already
    /// shown with errors can be passed again.
    /// </summary>
    public const string ErrorLineIdPrefix = "cardForm.error.";

    /// <summary>
    /// A copy of <paramref name="card"/> with each input's value set from <paramref name="values"/> (text as submitted,
    /// such as <see cref="FormReader.Raw"/>) and each field's error shown in red right under its input, since Teams does not
    /// show a server's verdict by itself. A summary ("Please fix 2 fields.") and any error that names no input in the card
    /// (such as <see cref="FormReader.FormErrorKey"/>) go at the top. The card passed in is not changed.
    /// </summary>
    public static AdaptiveCard WithValuesAndErrors(
        AdaptiveCard card, IReadOnlyDictionary<string, string> values, IReadOnlyDictionary<string, string> errors)
    {
        ArgumentNullException.ThrowIfNull(card);
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(errors);

        var copy = card.Clone();
        var shown = new HashSet<string>(StringComparer.Ordinal);
        Fill(copy, values, errors, shown);

        var top = new List<CardElement>();
        if (shown.Count > 0)
        {
            top.Add(new TextBlock(shown.Count == 1 ? FormWording.FixOneField : string.Format(CultureInfo.InvariantCulture, CompositeFormat.Parse(FormWording.FixFields), shown.Count))
            {
                Id = ErrorLineIdPrefix + "summary",
                Weight = TextWeight.Bolder,
                Color = TextColor.Attention,
            });
        }

        var index = 0;
        foreach (var (key, message) in errors.Where(error => !shown.Contains(error.Key)).OrderBy(error => error.Key, StringComparer.Ordinal))
        {
            top.Add(ErrorLine($"{ErrorLineIdPrefix}form.{index++}", message));
        }

        for (var i = top.Count - 1; i >= 0; i--)
        {
            copy.Body.Insert(0, top[i]);
        }

        return copy;
    }

    /// <summary>The same, with the values and errors of a <see cref="FormReader"/>.</summary>
    public static AdaptiveCard WithValuesAndErrors(AdaptiveCard card, FormReader form)
    {
        ArgumentNullException.ThrowIfNull(form);
        return WithValuesAndErrors(card, form.Raw, form.Errors);
    }

    private static void Fill(
        AdaptiveCard card, IReadOnlyDictionary<string, string> values, IReadOnlyDictionary<string, string> errors, HashSet<string> shown)
    {
        Fill(card.Body, values, errors, shown);
        foreach (var action in card.Actions ?? [])
        {
            if (action is ShowCardAction { Card: { } inner })
            {
                Fill(inner, values, errors, shown);
            }
        }
    }

    private static void Fill(
        IList<CardElement>? elements, IReadOnlyDictionary<string, string> values, IReadOnlyDictionary<string, string> errors, HashSet<string> shown)
    {
        if (elements is null)
        {
            return;
        }

        for (var i = elements.Count - 1; i >= 0; i--)
        {
            if (elements[i]?.Id?.StartsWith(ErrorLineIdPrefix, StringComparison.Ordinal) == true)
            {
                elements.RemoveAt(i);
            }
        }

        for (var i = 0; i < elements.Count; i++)
        {
            switch (elements[i])
            {
                case CardInput { Id: { } id } input:
                    if (values.TryGetValue(id, out var value))
                    {
                        input.SetValueFromSubmitted(value);
                    }

                    if (errors.TryGetValue(id, out var error) && shown.Add(id))
                    {
                        elements.Insert(++i, ErrorLine(ErrorLineIdPrefix + id, error));
                    }

                    break;
                case Container container:
                    Fill(container.Items, values, errors, shown);
                    break;
                case ColumnSet set:
                    foreach (var column in set.Columns)
                    {
                        Fill(column?.Items, values, errors, shown);
                    }

                    break;
                case ActionSet set:
                    foreach (var action in set.Actions)
                    {
                        if (action is ShowCardAction { Card: { } inner })
                        {
                            Fill(inner, values, errors, shown);
                        }
                    }

                    break;
            }
        }
    }

    private static TextBlock ErrorLine(string id, string message) => new(message)
    {
        Id = id,
        Color = TextColor.Attention,
        Spacing = Spacing.Small,
    };
}
