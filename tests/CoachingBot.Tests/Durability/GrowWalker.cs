using CoachingBot.Models;
using CoachingBot.Teams.Hosting;
using CoachingBot.Teams.Schema;
using CoachingBot.Tests.Support;

namespace CoachingBot.Tests.Durability;

/// <summary>How a walk ended.</summary>
internal enum WalkOutcome
{
    NotFinished,
    Completed,
    Unanswered,
    Incomplete,
    Rejected,
    GaveUp,
}

/// <summary>One message the bot answered 200 to, and what became of it.</summary>
internal sealed record AcceptedMessage(string ConversationId, string ActivityId, int Step, bool Answered);

/// <summary>
/// One user walking GROW from installing the bot to the summary card, as a person would: each message is sent only
/// when the bot's whole answer to the previous one has reached the connector, and answers are traced to their
/// message by <c>replyToId</c>. Sends are retried as Teams retries them. If an answer does not come, the walk stops
/// there and says so.
/// </summary>
internal sealed class GrowWalker : IDisposable
{
    private const int MaxApologiesPerStep = 3;

    private readonly FakeConnector _connector;
    private readonly ResendingSender _sender;
    private readonly TeamsChat _chat;
    private readonly (object UserSends, string[] BotSays)[] _steps;
    private readonly List<AcceptedMessage> _accepted = [];
    private volatile bool _waiting;

    public GrowWalker(FakeConnector connector, ResendingSender sender, DateOnly today)
    {
        _connector = connector;
        _sender = sender;
        // The chat only builds activities here; the sender posts them.
        _chat = new TeamsChat(new HttpClient(), connector, ChatKind.Personal);
        _steps = [(Install, [""]), .. SessionWalk.Beginning(CoachingModels.Grow), .. SessionWalk.GrowMiddleAndEnding(today).Select(Lenient)];
    }

    /// <summary>Stands for the bot being added to the chat, the walk's first step.</summary>
    public static readonly object Install = new();

    public string ConversationId => _chat.ConversationId;

    public int StepCount => _steps.Length;

    public WalkOutcome Outcome { get; private set; } = WalkOutcome.NotFinished;

    /// <summary>Where the walk stopped, for the failure message.</summary>
    public string? Problem { get; private set; }

    /// <summary>Turns the bot answered with its apology (a turn given up), each then sent again as a new message.</summary>
    public int Apologies { get; private set; }

    /// <summary>True from the moment a message of this walk is posted until its whole answer has arrived.</summary>
    public bool IsWaiting => _waiting;

    public IReadOnlyList<AcceptedMessage> Accepted
    {
        get
        {
            lock (_accepted)
            {
                return [.. _accepted];
            }
        }
    }

    /// <summary>
    /// Walks to the end or to the first message left unanswered. <paramref name="target"/> says, per step, where that
    /// step's message is posted. <paramref name="onAccepted"/> runs when the bot has answered a step's message 200
    /// (to stop a bot at that moment). While <paramref name="settled"/> is not done (the bot is still being killed and
    /// restarted), an answer is waited for without limit; after it, for at most <paramref name="answerWait"/>.
    /// </summary>
    public async Task RunAsync(
        Func<int, Func<CancellationToken, Task<Uri>>> target,
        Task settled,
        TimeSpan answerWait,
        CancellationToken cancellationToken,
        Func<int, Task>? onAccepted = null)
    {
        string? cardId = null;
        for (var step = 0; step < _steps.Length; step++)
        {
            var (userSends, botSays) = _steps[step];
            var apologies = 0;
            while (true)
            {
                var activity = userSends == Install ? _chat.Install()
                    : userSends is CardSubmit submit ? _chat.Submit(submit.Values, cardId)
                    : _chat.Message((string)userSends);
                _waiting = true;
                var status = await _sender.PostAsync(target(step), activity, cancellationToken);
                if (status != 200)
                {
                    Stop(WalkOutcome.Rejected, $"step {step}: the bot answered {status}");
                    return;
                }

                if (onAccepted is not null)
                {
                    await onAccepted(step);
                }

                var answer = await WaitForAnswerAsync(activity.Id!, botSays, settled, answerWait, cancellationToken);
                _waiting = false;
                lock (_accepted)
                {
                    _accepted.Add(new AcceptedMessage(ConversationId, activity.Id!, step, answer is not null));
                }

                if (answer is null)
                {
                    var partial = RepliesTo(_connector.CallsIn(ConversationId), activity.Id!);
                    Stop(
                        partial.Count == 0 ? WalkOutcome.Unanswered : WalkOutcome.Incomplete,
                        $"step {step} ({activity.Id}): {partial.Count} of the expected [{string.Join(" | ", botSays)}] arrived: {string.Join(" | ", partial.Select(c => TeamsChat.Content(c.Activity)))}");
                    return;
                }

                if (!answer.Any(IsApology))
                {
                    cardId = answer.LastOrDefault(c => c.Method == "POST" && HasCard(c.Activity))?.Activity.Id ?? cardId;
                    break;
                }

                // The bot gave the turn up and said so; a person would say it again.
                Apologies++;
                if (++apologies > MaxApologiesPerStep)
                {
                    Stop(WalkOutcome.GaveUp, $"step {step}: answered with the apology {apologies} times");
                    return;
                }
            }
        }

        Outcome = WalkOutcome.Completed;
    }

    /// <summary>The calls that carry the bot's answer to one inbound activity: delivered, and replying to it.</summary>
    public static List<RecordedCall> RepliesTo(IEnumerable<RecordedCall> calls, string activityId) =>
        [.. calls.Where(c => c.Status == 200 && c.Activity.ReplyToId == activityId)];

    public void Dispose() => _chat.Dispose();

    private async Task<List<RecordedCall>?> WaitForAnswerAsync(string activityId, string[] botSays, Task settled, TimeSpan answerWait, CancellationToken cancellationToken)
    {
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var answered = _connector.WaitForCallsAsync(ConversationId, calls => IsAnswer(RepliesTo(calls, activityId), botSays), wait.Token);
        if (await Task.WhenAny(answered, settled) != answered)
        {
            wait.CancelAfter(answerWait);
        }

        try
        {
            return RepliesTo(await answered, activityId);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }

    // The example date in the follow-up question is the user's today plus two weeks, and a run may cross midnight.
    private static (object, string[]) Lenient((object UserSends, string[] BotSays) step) =>
        (step.UserSends, [.. step.BotSays.Select(f => f.StartsWith(ConversationFrame.FollowUpQuestion, StringComparison.Ordinal) ? ConversationFrame.FollowUpQuestion : f)]);

    private static bool IsAnswer(List<RecordedCall> replies, string[] botSays) =>
        replies.Any(IsApology) || botSays.All(fragment => replies.Any(c => TeamsChat.Content(c.Activity).Contains(fragment, StringComparison.Ordinal)));

    private static bool IsApology(RecordedCall call) => call.Activity.Text == TurnPipeline.FailureMessage;

    private static bool HasCard(Activity activity) => activity.Attachments?.Any(a => a.ContentType == Attachment.AdaptiveCardContentType) == true;

    private void Stop(WalkOutcome outcome, string problem)
    {
        Outcome = outcome;
        Problem = $"{ConversationId} {problem}";
    }
}
