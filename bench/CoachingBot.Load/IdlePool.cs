namespace CoachingBot.Load;

/// <summary>
/// The conversations with no turn in flight. A conversation part way through its walk is taken before one at the start
/// of a walk, so each walk is gone through to its end (the load is the whole walk, not mostly its first steps) while
/// new walks start on the conversation idle the longest: with the default 1,000 conversations, about as many walks
/// are under way as turns are in flight, and the rest wait their turn. Takers wait in arrival order when none is idle.
/// </summary>
internal sealed class IdlePool
{
    private readonly object _gate = new();
    private readonly Queue<Conversation> _midWalk = new();
    private readonly Queue<Conversation> _atStart = new();
    private readonly Queue<TaskCompletionSource<Conversation>> _waiting = new();

    public void Return(Conversation conversation, bool startsWalk)
    {
        TaskCompletionSource<Conversation>? waiter;
        lock (_gate)
        {
            if (!_waiting.TryDequeue(out waiter))
            {
                (startsWalk ? _atStart : _midWalk).Enqueue(conversation);
                return;
            }
        }

        if (!waiter.TrySetResult(conversation))
        {
            // The taker gave up (the run ended): keep the conversation for the next.
            Return(conversation, startsWalk);
        }
    }

    public bool TryTake(out Conversation? conversation)
    {
        lock (_gate)
        {
            return _midWalk.TryDequeue(out conversation) || _atStart.TryDequeue(out conversation);
        }
    }

    public Task<Conversation> TakeAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_midWalk.TryDequeue(out var conversation) || _atStart.TryDequeue(out conversation))
            {
                return Task.FromResult(conversation);
            }

            var waiter = new TaskCompletionSource<Conversation>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiting.Enqueue(waiter);
            cancellationToken.Register(() => waiter.TrySetCanceled(cancellationToken));
            return waiter.Task;
        }
    }
}
