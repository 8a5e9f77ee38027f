namespace CoachingBot.Teams.Dialogs;

/// <summary>
/// What a <see cref="CardFormPrompt{T}"/> makes of text typed instead of a card submit: the answer itself, values to
/// put in the card before showing it again, or a reason to show with the card.
/// </summary>
/// <typeparam name="T">The prompt's answer.</typeparam>
public sealed record TypedCardReading<T>
{
    internal TypedCardReading(bool accepted, T? value, IReadOnlyDictionary<string, string>? fill, string? reason)
    {
        Accepted = accepted;
        Value = value;
        Fill = fill;
        Reason = reason;
    }

    /// <summary>True when the text is the answer.</summary>
    public bool Accepted { get; }

    /// <summary>The answer, when accepted.</summary>
    public T? Value { get; }

    /// <summary>Input values (by id) read from the text, to show in the card again.</summary>
    public IReadOnlyDictionary<string, string>? Fill { get; }

    /// <summary>What to tell the user when the text is not the answer.</summary>
    public string? Reason { get; }
}

/// <summary>Makes <see cref="TypedCardReading{T}"/> values.</summary>
public static class TypedCardReading
{
    /// <summary>The text is the answer.</summary>
    public static TypedCardReading<T> Answer<T>(T value) => new(true, value, null, null);

    /// <summary>The text fills part of the card; <paramref name="reason"/> says what is left to do.</summary>
    public static TypedCardReading<T> FillCard<T>(IReadOnlyDictionary<string, string> values, string reason)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return new(false, default, values, reason);
    }

    /// <summary>The text cannot be taken; <paramref name="reason"/> says why, and the card is shown again.</summary>
    public static TypedCardReading<T> Refuse<T>(string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return new(false, default, null, reason);
    }
}
