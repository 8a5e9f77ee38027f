using System.Text.Json.Nodes;

namespace CoachingBot.Teams.Dialogs;

/// <summary>One entry of the dialog stack: which dialog, and the JSON state it keeps between turns.</summary>
public sealed class DialogInstance
{
    /// <summary>Creates an entry for the dialog <paramref name="id"/> with <paramref name="state"/> (a new object when null).</summary>
    public DialogInstance(string id, JsonObject? state = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        Id = id;
        State = state ?? [];
    }

    /// <summary>The id of the dialog in its <see cref="DialogSet"/>.</summary>
    public string Id { get; }

    /// <summary>The dialog's own state. Everything a dialog needs on a later turn must be here, as JSON, so it survives a restart.</summary>
    public JsonObject State { get; }
}
