using CoachingBot.Teams.Cards;
using CoachingBot.Teams.Schema;

namespace CoachingBot.Teams.Dialogs;

/// <summary>
/// A card of buttons that each post their label back as a typed message (imBack), which arrives as text in personal
/// chats, group chats and channels alike, and shows the answer in the chat.
/// </summary>
internal static class ChoiceButtons
{
    // Teams shows a limited number of buttons side by side; rows of five stay readable and within that limit.
    private const int ButtonsPerRow = 5;

    public static Attachment Card(IReadOnlyList<string> labels, string fallbackText)
    {
        var card = new AdaptiveCard { FallbackText = fallbackText };
        foreach (var row in labels.Chunk(ButtonsPerRow))
        {
            card.Body.Add(new ActionSet { Actions = [.. row.Select(label => SubmitAction.ImBack(label, label))] });
        }

        return card.ToAttachment();
    }
}
