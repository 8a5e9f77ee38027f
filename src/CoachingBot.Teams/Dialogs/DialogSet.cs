namespace CoachingBot.Teams.Dialogs;

/// <summary>The dialogs a bot can run, by id. Stored state names dialogs by id, so ids must stay stable across releases.</summary>
public sealed class DialogSet
{
    private readonly Dictionary<string, Dialog> _dialogs = new(StringComparer.Ordinal);

    /// <summary>Creates a set holding <paramref name="dialogs"/>.</summary>
    /// <exception cref="ArgumentException">Two dialogs share an id.</exception>
    public DialogSet(IEnumerable<Dialog> dialogs)
    {
        ArgumentNullException.ThrowIfNull(dialogs);
        foreach (var dialog in dialogs)
        {
            Add(dialog);
        }
    }

    /// <summary>Creates a set holding <paramref name="dialogs"/>.</summary>
    public DialogSet(params Dialog[] dialogs) : this((IEnumerable<Dialog>)dialogs)
    {
    }

    /// <summary>The registered dialogs.</summary>
    public IReadOnlyCollection<Dialog> Dialogs => _dialogs.Values;

    /// <summary>Registers <paramref name="dialog"/> and returns the set, for chaining.</summary>
    /// <exception cref="ArgumentException">A dialog with the same id is already registered.</exception>
    public DialogSet Add(Dialog dialog)
    {
        ArgumentNullException.ThrowIfNull(dialog);
        if (!_dialogs.TryAdd(dialog.Id, dialog))
        {
            throw new ArgumentException($"A dialog with id '{dialog.Id}' is already registered.", nameof(dialog));
        }

        return this;
    }

    /// <summary>The dialog registered as <paramref name="id"/>, or null.</summary>
    public Dialog? Find(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return _dialogs.GetValueOrDefault(id);
    }
}
