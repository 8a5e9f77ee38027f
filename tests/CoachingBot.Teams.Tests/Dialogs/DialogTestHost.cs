using System.Text.Json;
using CoachingBot.Teams.Dialogs;
using CoachingBot.Teams.Hosting;
using CoachingBot.Teams.Schema;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CoachingBot.Teams.Tests.Dialogs;

/// <summary>
/// Drives conversation turns the way the hosting pipeline does: makes the activity, runs a <see cref="DialogRunner"/>
/// turn with a NEW dialog set and runner each time (only the store carries over, as across process restarts), then
/// flushes and returns what the bot sent.
/// </summary>
internal sealed class DialogTestHost
{
    public const string BotId = "28:bot-app-id";
    public const string UserId = "29:user-1";
    public const string ConversationId = "a:conversation-1";
    public const string StateKey = "msteams/" + ConversationId;

    private static readonly IServiceProvider Services = new ServiceCollection().BuildServiceProvider();

    private readonly Func<DialogSet> _makeDialogs;
    private int _activityNumber;

    public DialogTestHost(Func<DialogSet> makeDialogs, string rootDialogId, IDialogStateStore? store = null)
    {
        _makeDialogs = makeDialogs;
        RootDialogId = rootDialogId;
        Store = store ?? new InMemoryDialogStateStore();
        OnTurn = DefaultAppTurnAsync;
    }

    public string RootDialogId { get; }

    public IDialogStateStore Store { get; }

    public RecordingLogger<DialogRunner> Logger { get; } = new();

    public DialogRunnerOptions RunnerOptions { get; } = new();

    /// <summary>What the app does with a turn; by default <see cref="DefaultAppTurnAsync"/>.</summary>
    public Func<DialogContext, CancellationToken, Task> OnTurn { get; set; }

    public string? Locale { get; set; } = "en-GB";

    public string? LocalTimezone { get; set; } = "Pacific/Auckland";

    /// <summary>A host whose root dialog asks one prompt and ends with its answer.</summary>
    public static DialogTestHost ForPrompt(Func<Dialog> makePrompt, PromptOptions options)
    {
        return new DialogTestHost(
            () =>
            {
                var prompt = makePrompt();
                return new DialogSet(
                    prompt,
                    new WaterfallDialog("ask", [
                        (step, ct) => step.PromptAsync(prompt.Id, options, ct),
                        (step, ct) => step.EndDialogAsync(step.Result, ct),
                    ]));
            },
            "ask");
    }

    /// <summary>
    /// The app under test, as a small bot would write it: "cancel" and "help" interrupt; otherwise the active dialog
    /// continues, or the root dialog begins. How the root ends is reported as a message.
    /// </summary>
    public async Task DefaultAppTurnAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        var text = TurnText.Normalize(dc.Activity);
        if (text.Equals("cancel", StringComparison.OrdinalIgnoreCase))
        {
            var cancelled = await dc.CancelAllDialogsAsync(cancellationToken);
            dc.Context.SendText(cancelled.Status == DialogTurnStatus.Cancelled ? "Cancelled." : "Nothing to cancel.");
            return;
        }

        if (text.Equals("help", StringComparison.OrdinalIgnoreCase))
        {
            dc.Context.SendText("Answer the question, or type cancel.");
            await dc.RepromptAsync(cancellationToken);
            return;
        }

        var result = await dc.ContinueDialogAsync(cancellationToken);
        if (result.Status == DialogTurnStatus.Empty)
        {
            result = await dc.BeginDialogAsync(RootDialogId, null, cancellationToken);
        }

        if (result.Status == DialogTurnStatus.Complete)
        {
            dc.Context.SendText($"Done: {result.Result?.ToJsonString() ?? "null"}");
        }
        else if (result.Status == DialogTurnStatus.Cancelled)
        {
            dc.Context.SendText("Stopped.");
        }
    }

    public Activity MakeMessage(string? text, string? valueJson = null)
    {
        var number = Interlocked.Increment(ref _activityNumber);
        return new Activity
        {
            Type = ActivityTypes.Message,
            Id = $"user-activity-{number}",
            ChannelId = "msteams",
            ServiceUrl = "https://smba.example.test/",
            From = new ChannelAccount { Id = UserId, Name = "Ann" },
            Recipient = new ChannelAccount { Id = BotId, Name = "CoachingBot" },
            Conversation = new ConversationAccount { Id = ConversationId, ConversationType = ConversationTypes.Personal },
            Text = text,
            Value = valueJson is null ? null : JsonDocument.Parse(valueJson).RootElement.Clone(),
            Locale = Locale,
            LocalTimezone = LocalTimezone,
        };
    }

    public Task<IReadOnlyList<Activity>> SendAsync(string text) => SendActivityAsync(MakeMessage(text));

    public Task<IReadOnlyList<Activity>> SendValueAsync(string valueJson, string? text = null) =>
        SendActivityAsync(MakeMessage(text, valueJson));

    public async Task<IReadOnlyList<Activity>> SendActivityAsync(Activity activity)
    {
        var connector = new RecordingConnectorClient();
        var turn = new TurnContext(activity, connector, Services);
        var runner = new DialogRunner(_makeDialogs(), Store, Logger, Options.Create(RunnerOptions));
        await runner.RunAsync(turn, OnTurn, CancellationToken.None);
        await turn.FlushAsync(CancellationToken.None);
        return connector.Sent;
    }

    /// <summary>Sends <paramref name="text"/> and renders the replies as one transcript line.</summary>
    public async Task<string> SayAsync(string text) => Transcript.Render(await SendAsync(text));

    /// <summary>Sends card submit data and renders the replies as one transcript line.</summary>
    public async Task<string> SubmitAsync(string valueJson) => Transcript.Render(await SendValueAsync(valueJson));

    /// <summary>Plays a transcript: each user line, then asserts the bot's rendered replies.</summary>
    public async Task AssertTranscriptAsync(params (string User, string Bot)[] lines)
    {
        foreach (var (user, bot) in lines)
        {
            var replies = await SayAsync(user);
            Assert.True(bot == replies, $"After \"{user}\"\nexpected: {bot}\nactual:   {replies}");
        }
    }

    public async Task<string?> StoredJsonAsync() => (await Store.ReadAsync(StateKey))?.Json;
}
