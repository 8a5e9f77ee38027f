using CoachingBot.Teams.Cards;

namespace CoachingBot.Teams.Dialogs;

/// <summary>What a card form's submit data came to: the parsed value, or the field errors to show on the card.</summary>
/// <typeparam name="T">The parsed answer.</typeparam>
public sealed class PromptValidation<T>
{
    internal PromptValidation(bool isValid, T? value, IReadOnlyDictionary<string, string> errors)
    {
        IsValid = isValid;
        Value = value;
        Errors = errors;
    }

    /// <summary>True when the answer was parsed; <see cref="Value"/> holds it.</summary>
    public bool IsValid { get; }

    /// <summary>The parsed answer, when valid.</summary>
    public T? Value { get; }

    /// <summary>One message per input id (<see cref="FormReader.FormErrorKey"/> for the form as a whole); empty when valid.</summary>
    public IReadOnlyDictionary<string, string> Errors { get; }
}

/// <summary>Makes <see cref="PromptValidation{T}"/> results.</summary>
public static class PromptValidation
{
    private static readonly IReadOnlyDictionary<string, string> NoErrors = new Dictionary<string, string>();

    /// <summary>The answer parsed as <paramref name="value"/>.</summary>
    public static PromptValidation<T> Valid<T>(T value) => new(true, value, NoErrors);

    /// <summary>The answer has <paramref name="errors"/>, at least one.</summary>
    public static PromptValidation<T> Invalid<T>(IReadOnlyDictionary<string, string> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (errors.Count == 0)
        {
            throw new ArgumentException("An invalid answer needs at least one error to show.", nameof(errors));
        }

        return new(false, default, new Dictionary<string, string>(errors, StringComparer.Ordinal));
    }

    /// <summary>
    /// From a <see cref="FormReader"/> whose fields have been read: its errors when any, else the value
    /// <paramref name="build"/> makes (called only then, so it may rely on the fields read).
    /// </summary>
    public static PromptValidation<T> From<T>(FormReader form, Func<T> build)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(build);
        return form.IsValid ? Valid(build()) : Invalid<T>(form.Errors);
    }
}
