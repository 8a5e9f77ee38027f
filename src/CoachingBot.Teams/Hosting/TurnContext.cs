using CoachingBot.Teams.Connector;
using CoachingBot.Teams.Schema;

namespace CoachingBot.Teams.Hosting;

/// <summary>
/// One inbound activity being handled. Outgoing messages and updates are queued and sent, in order, when the
/// turn's state has been saved: a turn that loses a state race can be discarded and run again without
/// having said anything twice.
/// </summary>
public sealed class TurnContext
{
    private readonly List<OutgoingOperation> _pending = [];
    private readonly List<StateWrite> _stateWrites = [];

    /// <summary>Creates a turn for <paramref name="activity"/>.</summary>
    public TurnContext(Activity activity, IConnectorClient connector, IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(connector);
        ArgumentNullException.ThrowIfNull(services);
        Activity = activity;
        Connector = connector;
        Services = services;
    }

    /// <summary>The inbound activity.</summary>
    public Activity Activity { get; }

    /// <summary>The connector client for the activity's service URL.</summary>
    public IConnectorClient Connector { get; }

    /// <summary>The request's services.</summary>
    public IServiceProvider Services { get; }

    /// <summary>Per-turn values for the layers of the pipeline.</summary>
    public IDictionary<string, object?> Items { get; } = new Dictionary<string, object?>(StringComparer.Ordinal);

    /// <summary>For an invoke: what the HTTP response carries. Null answers 200 with no body.</summary>
    public InvokeResponse? InvokeResponse { get; set; }

    /// <summary>The operations queued so far, in order.</summary>
    public IReadOnlyList<OutgoingOperation> Pending => _pending;

    /// <summary>
    /// True when the host saves the turn's state and its replies in one transaction (see <see cref="ITurnJournal"/>):
    /// state owners then stage their writes with <see cref="StageStateWrite"/> instead of writing them themselves.
    /// </summary>
    public bool CommitsStateWithReplies { get; init; }

    /// <summary>The state writes staged so far, in order.</summary>
    public IReadOnlyList<StateWrite> StateWrites => _stateWrites;

    /// <summary>Stages a state write, saved with the turn's replies when the turn commits.</summary>
    public void StageStateWrite(StateWrite write)
    {
        ArgumentNullException.ThrowIfNull(write);
        if (!CommitsStateWithReplies)
        {
            throw new InvalidOperationException("This turn does not commit state with its replies; write the state directly.");
        }

        _stateWrites.Add(write);
    }

    /// <summary>
    /// Queues a message for this conversation. Missing addressing fields are filled from the inbound activity, and
    /// <see cref="Schema.Activity.ReplyToId"/> from its id, so each message says which inbound activity it answers.
    /// </summary>
    public void Send(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        _pending.Add(new OutgoingOperation(OutgoingKind.Send, Complete(activity), null));
    }

    /// <summary>Queues a text message (markdown) for this conversation.</summary>
    public void SendText(string text) => Send(Activity.CreateReply(text));

    /// <summary>Queues a replacement for a message the bot sent earlier, such as a card after its submit.</summary>
    public void Update(string activityId, Activity activity)
    {
        ArgumentException.ThrowIfNullOrEmpty(activityId);
        ArgumentNullException.ThrowIfNull(activity);
        var completed = Complete(activity);
        completed.Id = activityId;
        _pending.Add(new OutgoingOperation(OutgoingKind.Update, completed, activityId));
    }

    /// <summary>Drops everything queued and staged, as when the turn is run again after losing a state race.</summary>
    public void DiscardPending()
    {
        _pending.Clear();
        _stateWrites.Clear();
    }

    /// <summary>Sends what is queued, in order, and clears the queue. Stops at the first recipient-gone result.</summary>
    public async Task<IReadOnlyList<ConnectorResult>> FlushAsync(CancellationToken cancellationToken)
    {
        var conversationId = Activity.Conversation?.Id
            ?? throw new InvalidOperationException("The inbound activity has no conversation id.");
        var operations = _pending.ToArray();
        _pending.Clear();
        var results = new List<ConnectorResult>(operations.Length);
        foreach (var operation in operations)
        {
            ConnectorResult result = operation.Kind switch
            {
                OutgoingKind.Update => await Connector.UpdateActivityAsync(conversationId, operation.ActivityId!, operation.Activity, cancellationToken).ConfigureAwait(false),
                _ => await Connector.SendToConversationAsync(conversationId, operation.Activity, cancellationToken).ConfigureAwait(false),
            };
            results.Add(result);
            if (result.Outcome == ConnectorOutcome.RecipientGone)
            {
                break;
            }
        }

        return results;
    }

    private Activity Complete(Activity activity)
    {
        var template = Activity.CreateReply();
        activity.Type ??= ActivityTypes.Message;
        activity.ChannelId ??= template.ChannelId;
        activity.ServiceUrl ??= template.ServiceUrl;
        activity.Conversation ??= template.Conversation;
        activity.From ??= template.From;
        activity.Recipient ??= template.Recipient;
        activity.Locale ??= template.Locale;
        activity.ReplyToId ??= template.ReplyToId;
        return activity;
    }
}

/// <summary>What a queued operation does.</summary>
public enum OutgoingKind
{
    /// <summary>Post a new message.</summary>
    Send,
    /// <summary>Replace an existing message.</summary>
    Update,
}

/// <summary>A message or update waiting for the end of the turn.</summary>
/// <param name="Kind">Send or update.</param>
/// <param name="Activity">The activity to send.</param>
/// <param name="ActivityId">For an update, the message replaced.</param>
public sealed record OutgoingOperation(OutgoingKind Kind, Activity Activity, string? ActivityId);
