using CoachingBot.Teams.Dialogs;
using CoachingBot.Teams.Schema;

namespace CoachingBot.Teams.Hosting;

/// <summary>
/// A journal for one process and no database: turns and replies are kept in memory, so they are lost with the
/// process. It keeps the same order, de-duplication and lane rules as a durable one, and applies state writes to
/// the <see cref="IDialogStateStore"/> in use. An app with a database registers a durable journal instead.
/// </summary>
internal sealed class InMemoryTurnJournal : ITurnJournal
{
    /// <summary>How long a finished turn's id is remembered. Teams resends within seconds; an hour is ample.</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromHours(1);

    private readonly Lock _gate = new();
    private readonly Dictionary<string, Turn> _turns = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Reply>> _outbox = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string Owner, DateTimeOffset Expires)> _lanes = new(StringComparer.Ordinal);
    private readonly IDialogStateStore _state;
    private readonly TimeProvider _time;
    private long _sequence;
    private DateTimeOffset _nextPrune;

    public InMemoryTurnJournal(IDialogStateStore state, TimeProvider time)
    {
        _state = state;
        _time = time;
    }

    public Task<JournalTurn?> AcceptAsync(Activity activity, bool runsInline, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var key = JournalTurn.KeyOf(activity);
        PruneIfDue();
        lock (_gate)
        {
            if (_turns.ContainsKey(key))
            {
                return Task.FromResult<JournalTurn?>(null);
            }

            var turn = new Turn(key, activity, ++_sequence, _time.GetUtcNow()) { Inline = runsInline, Attempts = runsInline ? 1 : 0 };
            _turns[key] = turn;
            return Task.FromResult<JournalTurn?>(new JournalTurn(key, activity, turn.Attempts));
        }
    }

    public Task<LaneLease?> TryClaimLaneAsync(string conversationId, string owner, TimeSpan duration, CancellationToken cancellationToken = default)
    {
        var now = _time.GetUtcNow();
        lock (_gate)
        {
            if (_lanes.TryGetValue(conversationId, out var held) && held.Owner != owner && held.Expires > now)
            {
                return Task.FromResult<LaneLease?>(null);
            }

            _lanes[conversationId] = (owner, now + duration);
            return Task.FromResult<LaneLease?>(new LaneLease(conversationId, owner, duration));
        }
    }

    public Task ReleaseLaneAsync(LaneLease lease, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lease);
        lock (_gate)
        {
            if (_lanes.TryGetValue(lease.ConversationId, out var held) && held.Owner == lease.Owner)
            {
                _lanes.Remove(lease.ConversationId);
            }
        }

        return Task.CompletedTask;
    }

    public Task<JournalTurn?> NextTurnAsync(string conversationId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var next = _turns.Values
                .Where(t => !t.Finished && !t.Inline && t.ConversationId == conversationId)
                .MinBy(t => t.Sequence);
            if (next is null)
            {
                return Task.FromResult<JournalTurn?>(null);
            }

            next.Attempts++;
            return Task.FromResult<JournalTurn?>(new JournalTurn(next.Key, next.Activity, next.Attempts));
        }
    }

    public async Task CompleteTurnAsync(
        LaneLease lease,
        JournalTurn turn,
        IReadOnlyList<StateWrite> stateWrites,
        IReadOnlyList<OutgoingOperation> operations,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lease);
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(stateWrites);
        ArgumentNullException.ThrowIfNull(operations);
        EnsureHeld(lease);
        foreach (var write in stateWrites)
        {
            if (write.Json is null)
            {
                await _state.DeleteAsync(write.Key, write.ETag, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await _state.WriteAsync(write.Key, write.Json, write.ETag, cancellationToken).ConfigureAwait(false);
            }
        }

        lock (_gate)
        {
            if (_turns.TryGetValue(turn.Key, out var stored))
            {
                stored.Finished = true;
                stored.FinishedAt = _time.GetUtcNow();
            }

            if (!_outbox.TryGetValue(lease.ConversationId, out var replies))
            {
                replies = [];
                _outbox[lease.ConversationId] = replies;
            }

            for (var i = 0; i < operations.Count; i++)
            {
                replies.Add(new Reply(new OutboxEntry(turn.Key, i, operations[i], 0)));
            }
        }
    }

    public Task<IReadOnlyList<OutboxEntry>> UnsentAsync(string conversationId, int max, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            IReadOnlyList<OutboxEntry> unsent = _outbox.TryGetValue(conversationId, out var replies)
                ? [.. replies.Take(max).Select(r => r.Entry)]
                : [];
            return Task.FromResult(unsent);
        }
    }

    public Task SettleAsync(OutboxEntry entry, OutboxSettlement settlement, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var conversationId = entry.Operation.Activity.Conversation?.Id ?? string.Empty;
        lock (_gate)
        {
            if (!_outbox.TryGetValue(conversationId, out var replies))
            {
                return Task.CompletedTask;
            }

            var index = replies.FindIndex(r => r.Entry.TurnKey == entry.TurnKey && r.Entry.Index == entry.Index);
            if (index < 0)
            {
                return Task.CompletedTask;
            }

            if (settlement == OutboxSettlement.RetryLater)
            {
                replies[index] = new Reply(entry with { Attempts = entry.Attempts + 1 });
            }
            else
            {
                replies.RemoveAt(index);
                if (replies.Count == 0)
                {
                    _outbox.Remove(conversationId);
                }
            }
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<string>> ConversationsWithWorkAsync(int max, CancellationToken cancellationToken = default)
    {
        var now = _time.GetUtcNow();
        lock (_gate)
        {
            IReadOnlyList<string> found = [.. _turns.Values.Where(t => !t.Finished && !t.Inline).Select(t => t.ConversationId)
                .Concat(_outbox.Keys)
                .Distinct(StringComparer.Ordinal)
                .Where(c => !_lanes.TryGetValue(c, out var held) || held.Expires <= now)
                .Take(max)];
            return Task.FromResult(found);
        }
    }

    public Task<int> PruneAsync(TimeSpan olderThan, CancellationToken cancellationToken = default)
    {
        var cutoff = _time.GetUtcNow() - olderThan;
        lock (_gate)
        {
            var old = _turns.Values.Where(t => (t.Finished || t.Inline) && (t.FinishedAt ?? t.ReceivedAt) < cutoff).Select(t => t.Key).ToList();
            foreach (var key in old)
            {
                _turns.Remove(key);
            }

            return Task.FromResult(old.Count);
        }
    }

    /// <summary>With no scheduler to prune it, the journal forgets finished turns as it goes, a minute apart at most.</summary>
    private void PruneIfDue()
    {
        var now = _time.GetUtcNow();
        lock (_gate)
        {
            if (now < _nextPrune)
            {
                return;
            }

            _nextPrune = now + TimeSpan.FromMinutes(1);
        }

        _ = PruneAsync(Retention);
    }

    private void EnsureHeld(LaneLease lease)
    {
        lock (_gate)
        {
            if (!_lanes.TryGetValue(lease.ConversationId, out var held) || held.Owner != lease.Owner)
            {
                throw new LaneLostException();
            }

            _lanes[lease.ConversationId] = (lease.Owner, _time.GetUtcNow() + lease.Duration);
        }
    }

    private sealed class Turn(string key, Activity activity, long sequence, DateTimeOffset receivedAt)
    {
        public string Key { get; } = key;
        public Activity Activity { get; } = activity;
        public string ConversationId { get; } = activity.Conversation?.Id ?? string.Empty;
        public long Sequence { get; } = sequence;
        public DateTimeOffset ReceivedAt { get; } = receivedAt;
        public bool Inline { get; init; }
        public int Attempts { get; set; }
        public bool Finished { get; set; }
        public DateTimeOffset? FinishedAt { get; set; }
    }

    private sealed record Reply(OutboxEntry Entry);
}
