using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CoachingBot.Teams.Dialogs;

/// <summary>
/// A conversation's dialog stack and the format version it was written in, serialized whole as one JSON string:
/// <c>{"version":1,"stack":[{"id":"...","state":{...}}]}</c>, bottom of the stack first.
/// </summary>
public sealed class DialogState
{
    /// <summary>The format version this code writes and reads.</summary>
    public const int CurrentVersion = 1;

    private static readonly JsonDocumentOptions ParseOptions = new() { MaxDepth = 64 };

    /// <summary>The stack, bottom first: the last entry is the active dialog.</summary>
    public IList<DialogInstance> Stack { get; } = [];

    /// <summary>The state as a JSON string, for the store.</summary>
    public string Serialize()
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteNumber("version", CurrentVersion);
            writer.WriteStartArray("stack");
            foreach (var instance in Stack)
            {
                writer.WriteStartObject();
                writer.WriteString("id", instance.Id);
                writer.WritePropertyName("state");
                instance.State.WriteTo(writer);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>
    /// Reads stored state, checking that every dialog it names is in <paramref name="dialogs"/> and accepts its own state.
    /// Never throws on bad input: returns false with the <paramref name="problem"/> instead.
    /// </summary>
    public static bool TryParse(string json, DialogSet dialogs, [NotNullWhen(true)] out DialogState? state, out DialogStateProblem problem)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(dialogs);
        state = null;

        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json, documentOptions: ParseOptions);
        }
        catch (JsonException)
        {
            problem = DialogStateProblem.Unparseable;
            return false;
        }

        try
        {
            return TryRead(root, dialogs, out state, out problem);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or ArgumentException or FormatException)
        {
            // Duplicate keys and wrongly typed values surface lazily, as these, while the tree is walked.
            state = null;
            problem = DialogStateProblem.Unparseable;
            return false;
        }
    }

    private static bool TryRead(JsonNode? root, DialogSet dialogs, out DialogState? state, out DialogStateProblem problem)
    {
        state = null;
        if (root is not JsonObject rootObject
            || rootObject["version"] is not JsonValue versionValue
            || !versionValue.TryGetValue<int>(out var version)
            || rootObject["stack"] is not JsonArray stack)
        {
            problem = DialogStateProblem.Unparseable;
            return false;
        }

        if (version != CurrentVersion)
        {
            problem = DialogStateProblem.UnsupportedVersion;
            return false;
        }

        var result = new DialogState();
        foreach (var entry in stack)
        {
            if (entry is not JsonObject entryObject
                || entryObject["id"] is not JsonValue idValue
                || !idValue.TryGetValue<string>(out var id)
                || string.IsNullOrEmpty(id)
                || entryObject["state"] is not JsonObject instanceState)
            {
                problem = DialogStateProblem.Unparseable;
                return false;
            }

            var dialog = dialogs.Find(id);
            if (dialog is null)
            {
                problem = DialogStateProblem.UnknownDialog;
                return false;
            }

            var ownState = (JsonObject)instanceState.DeepClone();
            if (!dialog.IsValidState(ownState))
            {
                problem = DialogStateProblem.InvalidDialogState;
                return false;
            }

            result.Stack.Add(new DialogInstance(id, ownState));
        }

        state = result;
        problem = DialogStateProblem.None;
        return true;
    }
}
