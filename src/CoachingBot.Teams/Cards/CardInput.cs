namespace CoachingBot.Teams.Cards;

/// <summary>
/// A field the user fills in. On submit Teams sends each input's current value under its <see cref="CardElement.Id"/>,
/// always as a string.
/// </summary>
public abstract class CardInput : CardElement
{
    private protected CardInput()
    {
    }

    /// <summary>The label shown above the field; also the name used in validation messages.</summary>
    public string? Label { get; set; }

    /// <summary>True makes Teams refuse to submit while the field is empty (for actions that validate inputs).</summary>
    public bool? IsRequired { get; set; }

    /// <summary>The message Teams shows under the field when its own validation fails.</summary>
    public string? ErrorMessage { get; set; }

    /// <summary>
    /// Sets the field's value from text as Teams submits it, so a card can be shown again as the user left it.
    /// Text the field cannot hold (a malformed date) leaves it empty.
    /// </summary>
    public abstract void SetValueFromSubmitted(string? value);
}
