using System.Reflection;
using System.Text.Json;
using CoachingBot.Models;
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

    private static readonly DateTimeOffset Started = new(2099, 3, 2, 9, 0, 0, TimeSpan.Zero);

    // The app's public card builders this dump covers (the forms through the prompts that show them); a new builder
    // fails EveryAppCardBuilder_IsInTheDump until it is added here and to BuildAllAsync.
    private static readonly string[] DumpedBuilders =
    [
        "GoalCard.Form", "GoalCard.Saved",
        "OptionsCard.ListForm", "OptionsCard.ShortlistForm", "OptionsCard.WeighForm", "OptionsCard.Saved", "OptionsCard.SavedList",
        "ActionsCard.Form", "ActionsCard.Saved",
        "FirstCard.Form", "FirstCard.Saved",
        "ActionListCard.Build", "SummaryCard.Build", "HistoryCard.Build",
    ];

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
    [InlineData("prompt-contract-check-choice", "Action.Submit:Yes|Action.Submit:Partly|Action.Submit:Not really")]
    [InlineData("confirm-prompt", "Action.Submit:Yes|Action.Submit:No")]
    [InlineData("prompt-time-choice", "Action.Submit:10 minutes|Action.Submit:20 minutes|Action.Submit:30 minutes or more")]
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
        var prompts = SessionPrompts.Factories.Select(make => make(new TestClock())).ToDictionary(prompt => prompt.Id, StringComparer.Ordinal);
        var cards = new Dictionary<string, AdaptiveCard>(StringComparer.Ordinal)
        {
            // The library's prompts, as the conversations use them.
            ["prompt-time-choice"] = await PromptCardAsync(prompts[SessionPrompts.Choice], Choices(ConversationFrame.TimeQuestion, ConversationFrame.TimeChoices)),
            ["prompt-contract-check-choice"] = await PromptCardAsync(prompts[SessionPrompts.Choice], Choices(ConversationFrame.ContractCheckQuestion, ConversationFrame.ContractCheckChoices)),
            ["prompt-choice-7-options-in-rows"] = await PromptCardAsync(prompts[SessionPrompts.Choice], Choices("Rate it", [.. Enumerable.Range(1, 7).Select(i => $"{i} of 7")])),
            ["confirm-prompt"] = await PromptCardAsync(prompts[SessionPrompts.Confirm], new PromptOptions { Prompt = MessageFactory.Text(ConversationFrame.ContractQuestion) }),
        };

        // Each form as first shown, and shown again after a submit with mistakes (values kept, reasons under the fields).
        var forms = new (string Name, string PromptId, CardFormPromptOptions Options, string WrongSubmit)[]
        {
            ("goal-form", SessionPrompts.Goal, new(), """{"card":"goal","goal":"  ","measure":"Two ideas a month","targetDate":"2000-01-01"}"""),
            ("options-list-form", SessionPrompts.Options, new(), """{"card":"options","option1":"Ask for a mentor","option2":"ask for a mentor"}"""),
            ("options-shortlist-form", SessionPrompts.Shortlist, new() { Values = OptionsCard.AsValues(["Ask for a mentor", "Shadow a peer", "Read a book", "Take a course", "Find a coach"]) },
                """{"card":"optionsShortlist","option1":"Ask for a mentor","option2":"Shadow a peer","option3":"Read a book","option4":"Take a course","option5":"Find a coach","shortlist":"1,2,3,4"}"""),
            ("options-weigh-form", SessionPrompts.Weigh, new() { Values = OptionsCard.AsValues(["Ask for a mentor", "Shadow a peer", "Take a course"]) },
                """{"card":"optionsWeighed","option1":"Ask for a mentor","option2":"Shadow a peer","impact1":"9","ease1":"","chosen1":"false","impact2":"3","ease2":"4","chosen2":"false"}"""),
            ("actions-form", SessionPrompts.Actions, new(), """{"card":"actions","what1":"Email my manager","byWhen1":"2000-01-01","confidence1":"11","support2":"Sam"}"""),
            ("first-form", SessionPrompts.First, new(), """{"card":"first","focus":"6","informed":"","comment":"Useful"}"""),
        };
        foreach (var (name, promptId, formOptions, wrong) in forms)
        {
            cards[name] = await PromptCardAsync(prompts[promptId], formOptions);
            cards[name + "-retry-with-errors"] = await PromptCardAsync(prompts[promptId], formOptions, retryValue: wrong);
        }

        cards["goal-form-retry-typed-text"] = await PromptCardAsync(prompts[SessionPrompts.Goal], new CardFormPromptOptions(), retryText: "My goal is to delegate more");
        cards["goal-form-short-path"] = await PromptCardAsync(prompts[SessionPrompts.Goal], new CardFormPromptOptions { Values = GoalCard.PathValues(isShort: true) });
        cards["actions-form-short-path-typed"] = await PromptCardAsync(prompts[SessionPrompts.Actions], new CardFormPromptOptions { Values = ActionsCard.PathValues(isShort: true) }, retryText: "Email my manager by 2099-03-06");

        // What replaces each form once saved, and the cards sent outside a prompt.
        var goal = new GoalDraft(
            "Speak up in leadership meetings", "Offer one idea in each meeting", "One idea a week, noted in my journal",
            "I prepare the agenda items already", "The promotion panel looks for it", new DateOnly(2099, 3, 31));
        var options = new List<OptionItem> { new("Ask for a mentor", 4, 3, "Experience on tap", "Takes time to find", Chosen: true), new("Shadow a peer", 3, 4) };
        var drafts = new List<ActionDraft> { new("Email my manager about a mentor", new DateOnly(2099, 3, 6), null, 8), new("Book an hour with Sam", new DateOnly(2099, 3, 13), "Sam's diary", 6) };
        var ratings = new FirstRatings(FirstModel.Factors.ToDictionary(factor => factor.Id, _ => 4), "Useful to write it down");
        cards["goal-saved-every-field"] = GoalCard.Saved(goal);
        cards["goal-saved-required-only"] = GoalCard.Saved(new GoalDraft("Delegate more", null, null, null, null, new DateOnly(2099, 1, 31)));
        cards["options-list-saved"] = OptionsCard.SavedList([.. options.Select(option => option.Text)]);
        cards["options-weighed-saved"] = OptionsCard.Saved(options);
        cards["actions-saved"] = ActionsCard.Saved(drafts);
        cards["first-saved"] = FirstCard.Saved(ratings);
        var items = drafts.Select((draft, i) => new ActionItem
        {
            Id = Guid.Parse($"00000000-0000-4000-8000-00000000000{i + 1}"),
            ConversationId = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e"),
            OwnerUserId = "29:client",
            What = draft.What,
            ByWhen = draft.ByWhen,
            Support = draft.Support,
            Confidence = draft.Confidence,
            Status = i == 0 ? ActionStatus.Open : ActionStatus.InProgress,
            CreatedAt = Started,
            UpdatedAt = Started,
        }).ToList();
        cards["action-list"] = ActionListCard.Build(items);
        cards["action-list-empty"] = ActionListCard.Build([]);
        foreach (var model in CoachingModels.All)
        {
            cards[$"summary-{model.Id}"] = SummaryCard.Build(model, Finished(model, goal, options, ratings), items);
        }

        var past = CoachingModels.All.Select((model, i) => Finished(model, goal, options, ratings) with
        {
            Id = Guid.Parse($"10000000-0000-4000-8000-00000000000{i + 1}"),
            Status = i == 0 ? ConversationStatus.Draft : ConversationStatus.Completed,
        }).ToList();
        cards["history"] = HistoryCard.Build(past);
        cards["history-more-than-listed"] = HistoryCard.Build([.. Enumerable.Repeat(past[^1], HistoryCard.MaxListed + 2)]);
        cards["prompt-recap-choice"] = await PromptCardAsync(prompts[SessionPrompts.Choice], new ChoicePromptOptions
        {
            Prompt = MessageFactory.Text(RecapDialog.HowDidItGo(items[0].What, items[0].ByWhen)),
            Choices = RecapDialog.Choices,
        });
        cards["library-form-every-input-with-errors"] = EveryInputForm();
        return cards;
    }

    private static ChoicePromptOptions Choices(string question, IEnumerable<string> choices) => new()
    {
        Prompt = MessageFactory.Text(question),
        Choices = [.. choices.Select(choice => new PromptChoice(choice))],
    };

    /// <summary>A conversation of the model answered in full, long answers included, as the summary sees it.</summary>
    private static CoachingConversation Finished(CoachingModel model, GoalDraft goal, IReadOnlyList<OptionItem> options, FirstRatings ratings) => new()
    {
        Id = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e"),
        OwnerUserId = "29:client",
        OwnerName = "Avery Client",
        ChatId = "a:conversation",
        ModelId = model.Id,
        Status = ConversationStatus.Completed,
        StartedAt = Started,
        UpdatedAt = Started,
        CompletedAt = Started,
        PresentingNeed = "Clarity on my next step as a manager",
        TimeAvailable = "20 minutes",
        Answers = model.Stages.Where(stage => stage.Captures == CaptureKind.Text)
            .ToDictionary(stage => stage.Id, stage => $"{stage.Title}: " + string.Concat(Enumerable.Repeat("a long answer, ", 30))),
        Goal = model.StageCapturing(CaptureKind.Goal) is null ? null : goal,
        Options = model.StageCapturing(CaptureKind.Options) is null ? [] : options,
        ContractCheck = "Yes",
        FollowUpOn = new DateOnly(2099, 3, 20),
        FirstRatings = ratings.Ratings,
        FirstComment = ratings.Comment,
    };

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
