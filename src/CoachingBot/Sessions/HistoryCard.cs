using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CoachingBot.Models;
using CoachingBot.Teams.Cards;

namespace CoachingBot.Sessions;

/// <summary>The client's past conversations, most recent first, each with a button that shows its summary again.</summary>
public static class HistoryCard
{
    /// <summary>How many conversations the card lists; a Teams card stays readable on a phone at about this many.</summary>
    public const int MaxListed = 10;

    public const string OpenTitle = "Show the summary";
    public const string ConversationField = "conversation";

    public static AdaptiveCard Build(IReadOnlyList<CoachingConversation> conversations)
    {
        ArgumentNullException.ThrowIfNull(conversations);
        var body = new List<CardElement>
        {
            CardParts.Heading("Your coaching conversations"),
            CardParts.Note(conversations.Count > MaxListed
                ? string.Format(CultureInfo.CurrentCulture, CompositeFormat.Parse(SessionTexts.HistoryMostRecent), MaxListed, conversations.Count) + " " + SessionTexts.HistoryOnlyYou
                : SessionTexts.HistoryOnlyYou),
        };
        foreach (var conversation in conversations.Take(MaxListed))
        {
            var modelName = CoachingModels.Find(conversation.ModelId)?.Name ?? conversation.ModelId;
            body.Add(new Container
            {
                Separator = true,
                Items =
                [
                    new TextBlock($"{modelName} · {CardParts.LongDate(DateOnly.FromDateTime(conversation.StartedAt.UtcDateTime))}{StatusNote(conversation.Status)}") { Weight = TextWeight.Bolder },
                    new TextBlock(conversation.Goal?.Goal ?? conversation.PresentingNeed ?? "No goal set"),
                    new ActionSet
                    {
                        Actions =
                        [
                            new SubmitAction(OpenTitle, new JsonObject
                            {
                                [CardKinds.Field] = CardKinds.History,
                                [ConversationField] = conversation.Id.ToString("N"),
                            }),
                        ],
                    },
                ],
            });
        }

        return new AdaptiveCard { Body = body };
    }

    /// <summary>The conversation id a press carries; it is only a request: the caller checks that the sender owns it.</summary>
    public static Guid? Read(JsonElement value) =>
        value.ValueKind == JsonValueKind.Object
        && value.TryGetProperty(ConversationField, out var id) && id.ValueKind == JsonValueKind.String
        && Guid.TryParseExact(id.GetString(), "N", out var parsed)
            ? parsed
            : null;

    private static string StatusNote(ConversationStatus status) => status switch
    {
        ConversationStatus.Completed => string.Empty,
        ConversationStatus.Draft => " · unfinished",
        _ => " · in progress",
    };
}
