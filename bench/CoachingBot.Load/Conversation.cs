using System.Globalization;
using System.Text.Json.Nodes;

namespace CoachingBot.Load;

/// <summary>
/// One personal chat between a user and the bot, as Teams would carry it: its ids, where its walk is, the last card
/// the bot sent in it (a card submit replies to it), and the one turn it has in flight. The fake connector hands it
/// every call the bot makes in this conversation; a call belongs to the turn in flight when it replies to that turn's
/// activity (its <c>replyToId</c>) or updates a message (a PUT, which Teams' API gives no replyToId).
/// </summary>
internal sealed class Conversation
{
    private const string TenantId = "72f988bf-0000-0000-0000-0000000b3e4c";
    private const string BotId = "28:bench-bot";
    private static long s_activities;

    private readonly object _gate = new();
    private readonly string _userId;
    private readonly string _aadObjectId;
    private string? _lastCardId;
    private string? _inFlight;
    private int _expected;
    private int _received;
    private List<string>? _texts;
    private TaskCompletionSource<int>? _done;

    public Conversation()
    {
        var id = Guid.NewGuid().ToString("N");
        Id = "a:1bench" + id;
        _userId = "29:1bench-" + id[..12];
        _aadObjectId = Guid.NewGuid().ToString();
    }

    public string Id { get; }

    /// <summary>How many of this conversation's turns were answered: the next one's number in its walk.</summary>
    public long Turn { get; private set; }

    /// <summary>Calls for the turn in flight so far.</summary>
    public int Received
    {
        get
        {
            lock (_gate)
            {
                return _received;
            }
        }
    }

    /// <summary>True from <see cref="Begin"/> until <see cref="Advance"/>.</summary>
    public bool InFlight
    {
        get
        {
            lock (_gate)
            {
                return _inFlight is not null;
            }
        }
    }

    /// <summary>The activity for this conversation's next step, as JSON, and its id.</summary>
    public (string Json, string ActivityId) Next(Walk walk, string serviceUrl)
    {
        var step = walk.At(Turn);
        var activityId = "b" + Interlocked.Increment(ref s_activities).ToString(CultureInfo.InvariantCulture);
        var activity = new JsonObject
        {
            ["type"] = step.Kind == StepKind.Install ? "conversationUpdate" : "message",
            ["id"] = activityId,
            ["timestamp"] = DateTimeOffset.UtcNow.ToString("o", CultureInfo.InvariantCulture),
            ["channelId"] = "msteams",
            ["serviceUrl"] = serviceUrl,
            ["from"] = new JsonObject { ["id"] = _userId, ["name"] = "Bench User", ["aadObjectId"] = _aadObjectId },
            ["recipient"] = new JsonObject { ["id"] = BotId, ["name"] = "CoachingBot" },
            ["conversation"] = new JsonObject { ["id"] = Id, ["conversationType"] = "personal", ["tenantId"] = TenantId },
            ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = TenantId } },
            ["locale"] = "en-GB",
            ["localTimezone"] = "Europe/London",
        };
        switch (step.Kind)
        {
            case StepKind.Install:
                activity["membersAdded"] = new JsonArray(new JsonObject { ["id"] = BotId, ["name"] = "CoachingBot" });
                break;
            case StepKind.Text:
                activity["text"] = step.Text!();
                break;
            case StepKind.Submit:
                // Action.Submit: the inputs in value, no text, in reply to the card they came from.
                activity["value"] = step.Value!();
                lock (_gate)
                {
                    if (_lastCardId is not null)
                    {
                        activity["replyToId"] = _lastCardId;
                    }
                }

                break;
        }

        return (activity.ToJsonString(), activityId);
    }

    /// <summary>
    /// Marks <paramref name="activityId"/> as in flight; the task completes once <paramref name="expected"/> calls
    /// belonging to it have arrived (with their count). <see cref="int.MaxValue"/> never completes: the caller watches
    /// <see cref="Received"/> instead, as calibration does.
    /// </summary>
    public Task<int> Begin(string activityId, int expected, bool keepTexts = false)
    {
        lock (_gate)
        {
            _inFlight = activityId;
            _expected = expected;
            _received = 0;
            _texts = keepTexts ? [] : null;
            _done = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
            return _done.Task;
        }
    }

    /// <summary>The turn in flight was answered: the walk moves on. Returns what calibration kept of the replies.</summary>
    public IReadOnlyList<string> Advance()
    {
        lock (_gate)
        {
            var texts = _texts ?? [];
            _inFlight = null;
            _texts = null;
            _done = null;
            Turn++;
            return texts;
        }
    }

    /// <summary>A call the bot made in this conversation. False when it belongs to no turn in flight.</summary>
    public bool OnCall(bool isUpdate, string? replyToId, string returnedId, bool hasCard, string? text)
    {
        TaskCompletionSource<int>? done = null;
        int received;
        lock (_gate)
        {
            if (hasCard && !isUpdate)
            {
                _lastCardId = returnedId;
            }

            if (_inFlight is null || !(isUpdate ? replyToId is null || replyToId == _inFlight : replyToId == _inFlight))
            {
                return false;
            }

            received = ++_received;
            _texts?.Add((isUpdate ? "[update] " : "") + (text ?? "") + (hasCard ? " [card]" : ""));
            if (received >= _expected)
            {
                done = _done;
            }
        }

        done?.TrySetResult(received);
        return true;
    }
}
