using System.Reflection;
using System.Text.Json;
using CoachingBot.Sessions;
using CoachingBot.Teams.Cards;
using CoachingBot.Teams.Connector;
using CoachingBot.Teams.Dialogs;
using CoachingBot.Teams.Hosting;
using CoachingBot.Teams.Schema;
using CoachingBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CoachingBot.Tests.Cards;

/// <summary>
/// Every card the bot can send, built the way the bot builds it (the prompts driven turn by turn, the app's card
/// builders called), checked with <see cref="CardChecker"/> and written as JSON to the folder named by
/// <c>COACHINGBOT_CARD_DUMP</c> (default <c>tests/e2e/artifacts/cards</c>), where tests/e2e/cards.test.mjs parses each
/// with Microsoft's own Adaptive Cards library.
/// </summary>
public sealed class CardDumpTests
{
    public const string DumpFolderVariable = "COACHINGBOT_CARD_DUMP";

    private const string FutureDate = "2099-03-31";

    // The app's public card builders this dump covers; a new one fails EveryAppCardBuilder_IsInTheDump until added.
    private static readonly string[] DumpedBuilders = [$"{nameof(GoalCard)}.{nameof(GoalCard.Form)}", $"{nameof(GoalCard)}.{nameof(GoalCard.Saved)}"];

    [Fact]
    public async Task EveryCard_PassesTheChecker_AndIsWrittenToTheDumpFolder()
    {
        var cards = await BuildAllAsync();
        var folder = DumpFolder();
        Directory.CreateDirectory(folder);
        foreach (var stale in Directory.EnumerateFiles(folder, "*.json"))
        {
            File.Delete(stale);
        }

        foreach (var (name, card) in cards)
        {
            Assert.True(CardChecker.Check(card).Count == 0, $"{name}: {string.Join("; ", CardChecker.Check(card))}");
            await File.WriteAllTextAsync(Path.Combine(folder, name + ".json"), card.ToJson());
        }

        Assert.Equal(cards.Keys.Order(StringComparer.Ordinal), Directory.EnumerateFiles(folder, "*.json").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void EveryAppCardBuilder_IsInTheDump()
    {
        var builders = typeof(GoalCard).Assembly.GetExportedTypes()
            .SelectMany(type => type.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly)
                .Where(method => method.ReturnType == typeof(AdaptiveCard))
                .Select(method => $"{type.Name}.{method.Name}"))
            .Distinct()
            .Order(StringComparer.Ordinal);

        Assert.Equal(DumpedBuilders.Order(StringComparer.Ordinal), builders);
    }

    [Theory]
    [InlineData("choice-prompt-3-options", "Action.Submit:Red|Action.Submit:Green|Action.Submit:Blue")]
    [InlineData("confirm-prompt", "Action.Submit:Yes|Action.Submit:No")]
    [InlineData("goal-form-retry-with-errors", "Action.Submit:Save my goal")]
    public async Task Prompts_SendTheirButtons_AsTheDumpShowsThem(string name, string expectedActions)
    {
        var cards = await BuildAllAsync();

        var actions = cards[name].ToElement().EnumerateObject()
            .Where(property => property.Name is "body" or "actions")
            .SelectMany(property => Actions(property.Value))
            .Select(action => $"{action.GetProperty("type").GetString()}:{action.GetProperty("title").GetString()}");

        Assert.Equal(expectedActions, string.Join('|', actions));
    }

    private static IEnumerable<JsonElement> Actions(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Actions),
        JsonValueKind.Object when element.TryGetProperty("type", out var type) && type.GetString()!.StartsWith("Action.", StringComparison.Ordinal) => [element],
        JsonValueKind.Object => element.EnumerateObject().SelectMany(property => Actions(property.Value)),
        _ => [],
    };

    /// <summary>Every card by file name.</summary>
    private static async Task<Dictionary<string, AdaptiveCard>> BuildAllAsync()
    {
        var cards = new Dictionary<string, AdaptiveCard>(StringComparer.Ordinal)
        {
            ["choice-prompt-3-options"] = await PromptCardAsync(
                new ChoicePrompt("choice"),
                new ChoicePromptOptions { Prompt = MessageFactory.Text("Pick a colour"), Choices = [new("red", "Red"), new("green", "Green"), new("blue", "Blue")] }),
            ["choice-prompt-7-options"] = await PromptCardAsync(
                new ChoicePrompt("choice"),
                new ChoicePromptOptions { Prompt = MessageFactory.Text("Rate it"), Choices = [.. Enumerable.Range(1, 7).Select(i => new PromptChoice($"r{i}", $"{i} of 7"))] }),
            ["confirm-prompt"] = await PromptCardAsync(new ConfirmPrompt("confirm"), new PromptOptions { Prompt = MessageFactory.Text("Shall we go on?") }),
        };

        var goalPrompt = GrowDialog.CreateGoalPrompt(new TestClock());
        var goalOptions = new CardFormPromptOptions { Prompt = MessageFactory.Text(GrowDialog.GoalQuestion) };
        cards["goal-form"] = await PromptCardAsync(goalPrompt, goalOptions);
        cards["goal-form-retry-with-errors"] = await PromptCardAsync(
            goalPrompt, goalOptions, retryValue: """{"card":"goal","goal":"  ","measure":"Two ideas a month","targetDate":"2000-01-01"}""");
        cards["goal-form-retry-typed-text"] = await PromptCardAsync(goalPrompt, goalOptions, retryText: "My goal is to delegate more");
        cards["goal-saved-every-field"] = GoalCard.Saved(new GoalDraft(
            "Speak up in leadership meetings", "Offer one idea in each meeting", "One idea a week, noted in my journal",
            "I prepare the agenda items already", "The promotion panel looks for it", DateOnly.Parse(FutureDate, System.Globalization.CultureInfo.InvariantCulture)));
        cards["goal-saved-required-only"] = GoalCard.Saved(new GoalDraft("Delegate more", null, null, null, null, new DateOnly(2099, 1, 31)));
        cards["card-form-every-input-with-errors"] = EveryInputForm();
        return cards;
    }

    /// <summary>
    /// The card a prompt sends: on its first turn, or on a second turn after the given submit data or typed text
    /// (a retry, which shows the card again, with the user's values and the errors when there is submit data).
    /// </summary>
    private static async Task<AdaptiveCard> PromptCardAsync(Dialog prompt, PromptOptions options, string? retryValue = null, string? retryText = null)
    {
        var dialogs = new DialogSet(prompt);
        var state = new DialogState();
        var first = Turn(text: "start");
        await new DialogContext(dialogs, first, state).PromptAsync(prompt.Id, options);
        var turn = first;
        if (retryValue is not null || retryText is not null)
        {
            turn = Turn(retryText, retryValue is null ? null : JsonDocument.Parse(retryValue).RootElement.Clone());
            await new DialogContext(dialogs, turn, state).ContinueDialogAsync();
        }

        var attachment = Assert.Single(turn.Pending.SelectMany(operation => operation.Activity.Attachments ?? []));
        Assert.Equal(Attachment.AdaptiveCardContentType, attachment.ContentType);
        return Assert.IsType<AdaptiveCard>(attachment.Content);
    }

    private static TurnContext Turn(string? text = null, JsonElement? value = null) => new(
        new Activity
        {
            Type = ActivityTypes.Message,
            Id = Guid.NewGuid().ToString("N"),
            ChannelId = "msteams",
            ServiceUrl = "https://smba.example.invalid/",
            Text = text,
            Value = value,
            LocalTimezone = "Europe/London",
            From = new ChannelAccount { Id = "29:user" },
            Recipient = new ChannelAccount { Id = "28:bot" },
            Conversation = new ConversationAccount { Id = "a:conversation", ConversationType = ConversationTypes.Personal },
        },
        new UnusedConnector(),
        new ServiceCollection().BuildServiceProvider());

    /// <summary>The library's form re-shown with a value and an error on every kind of input Teams renders.</summary>
    private static AdaptiveCard EveryInputForm()
    {
        var form = new AdaptiveCard
        {
            Body =
            [
                new TextBlock("Check-in preferences") { Weight = TextWeight.Bolder },
                new TextInput("note", "A note") { IsMultiline = true, MaxLength = 200 },
                new NumberInput("rating", "How confident are you, 1 to 10?") { Min = 1, Max = 10, IsRequired = true, ErrorMessage = "Please give a number from 1 to 10." },
                new DateInput("from", "From") { Min = new DateOnly(2099, 1, 1) },
                new TimeInput("at", "At") { Min = new TimeOnly(8, 0), Max = new TimeOnly(18, 0) },
                new ToggleInput("remind", "Remind me the day before"),
                new ChoiceSetInput("channel", "Where") { Choices = [new("Personal chat", "personal"), new("Group chat", "group")], Style = ChoiceInputStyle.Expanded },
                new ChoiceSetInput("days", "Days") { Choices = [new("Monday", "mon"), new("Friday", "fri")], IsMultiSelect = true },
            ],
            Actions = [new SubmitAction("Save", new System.Text.Json.Nodes.JsonObject { ["card"] = "preferences" })],
        };
        var values = new Dictionary<string, string>
        {
            ["note"] = "Mornings are best",
            ["rating"] = "11",
            ["from"] = "2099-02-01",
            ["at"] = "19:30",
            ["remind"] = "true",
            ["channel"] = "group",
            ["days"] = "mon,fri",
        };
        var errors = new Dictionary<string, string>
        {
            ["rating"] = "Rating must be 10 or less.",
            ["at"] = "At can't be after 18:00.",
            [FormReader.FormErrorKey] = "Some of this was out of range.",
        };
        return CardForm.WithValuesAndErrors(form, values, errors);
    }

    private static string DumpFolder() =>
        Environment.GetEnvironmentVariable(DumpFolderVariable) is { Length: > 0 } folder
            ? Path.GetFullPath(folder)
            : Path.Combine(RepositoryRoot(), "tests", "e2e", "artifacts", "cards");

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "CoachingBot.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No folder above {AppContext.BaseDirectory} holds CoachingBot.sln; set {DumpFolderVariable}.");
    }

    /// <summary>Prompts only queue what they send; nothing here reaches a connector.</summary>
    private sealed class UnusedConnector : IConnectorClient
    {
        public Uri ServiceUrl { get; } = new("https://smba.example.invalid/");

        public Task<ConnectorResult<ResourceResponse>> SendToConversationAsync(string conversationId, Activity activity, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<ConnectorResult<ResourceResponse>> ReplyToActivityAsync(string conversationId, string activityId, Activity activity, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<ConnectorResult<ResourceResponse>> UpdateActivityAsync(string conversationId, string activityId, Activity activity, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<ConnectorResult> DeleteActivityAsync(string conversationId, string activityId, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<ConnectorResult<ConversationResourceResponse>> CreateConversationAsync(ConversationParameters parameters, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<ConnectorResult<PagedMembersResult>> GetPagedMembersAsync(string conversationId, int? pageSize = null, string? continuationToken = null, CancellationToken cancellationToken = default) => throw new NotSupportedException();
    }
}
