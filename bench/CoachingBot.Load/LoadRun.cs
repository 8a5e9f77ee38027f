using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;

namespace CoachingBot.Load;

/// <summary>How turns are offered: C conversations at a time (closed), or a target rate with Poisson arrivals (open).</summary>
internal sealed record LoadMode(bool Closed, int Concurrency, double Rate)
{
    public static LoadMode Parse(string text)
    {
        var parts = text.Split(':');
        return parts switch
        {
        ["closed", var c] => new LoadMode(true, int.Parse(c, System.Globalization.CultureInfo.InvariantCulture), 0),
        ["open", var r] => new LoadMode(false, 0, double.Parse(r, System.Globalization.CultureInfo.InvariantCulture)),
            _ => throw new ArgumentException($"A mode is closed:C or open:RATE, not '{text}'."),
        };
    }

    public override string ToString() => Closed ? $"closed:{Concurrency}" : $"open:{Rate:0.##}";
}

internal sealed record RunSettings(
    int Conversations,
    TimeSpan Warmup,
    TimeSpan Duration,
    TimeSpan TurnTimeout);

/// <summary>What one turn came to.</summary>
internal readonly record struct TurnRecord(long Start, long End, bool TimedOut, bool Failed);

/// <summary>
/// Drives one bot process with one scenario in one mode: the pool of conversations, the turns, and the figures of
/// the measured window (after the warm-up).
/// </summary>
internal sealed class LoadRun
{
    private static readonly TimeSpan QuietAfterReply = TimeSpan.FromMilliseconds(400);

    private readonly BotUnderTest _bot;
    private readonly FakeConnector _connector;
    private readonly Walk _walk;
    private readonly HttpClient _http;
    private readonly List<TurnRecord> _turns = [];
    private int[] _expected;
    private int _firstTurnCalls;

    public LoadRun(BotUnderTest bot, FakeConnector connector, Walk walk, HttpClient http, int[]? expected)
    {
        _bot = bot;
        _connector = connector;
        _walk = walk;
        _http = http;
        _expected = expected ?? [];
    }

    /// <summary>Replies expected per place in the walk (prefix then cycle), learned by <see cref="CalibrateAsync"/>.</summary>
    public int[] Expected => _expected;

    private long _begunInWindow;

    /// <summary>Turns begun in the measured window but neither answered nor timed out when the run ended.</summary>
    public long Unfinished { get; private set; }

    /// <summary>Arrivals that found every conversation busy and waited for one (open loop).</summary>
    public long Queued { get; private set; }

    /// <summary>
    /// Sends a new conversation's first step until the bot takes it (it may still be starting) and waits for its
    /// first reply. Returns the conversation, its first turn answered, and the time from process start to that reply.
    /// </summary>
    public async Task<(Conversation Probe, TimeSpan StartToFirstAnswer)> FirstTurnAsync(CancellationToken cancellationToken)
    {
        var probe = new Conversation();
        _connector.Add(probe);
        var (json, id) = probe.Next(_walk, _connector.ServiceUrl);
        var replies = probe.Begin(id, 1);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(TimeSpan.FromSeconds(120));
        while (true)
        {
            if (_bot.HasExited)
            {
                throw new InvalidOperationException("The bot stopped before it answered (see its log).");
            }

            try
            {
                using var response = await PostAsync(json, deadline.Token);
                if (response.IsSuccessStatusCode)
                {
                    break;
                }
            }
            catch (HttpRequestException e) when (e.InnerException is SocketException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!deadline.IsCancellationRequested)
            {
                // Listening but not answering yet (a slow start): the same activity again, which the bot takes once.
            }

            await Task.Delay(10, deadline.Token);
        }

        await replies.WaitAsync(deadline.Token);
        var startToFirst = Stopwatch.GetElapsedTime(_bot.StartedAt);
        // Let the rest of the first turn's answer arrive before the conversation goes on.
        _firstTurnCalls = await SettleAsync(probe, deadline.Token);
        probe.Advance();
        return (probe, startToFirst);
    }

    /// <summary>
    /// Learns how many calls each step of the walk is answered with: the probe walks the prefix and the cycle twice
    /// (and the cycle's first step once more), one step at a time, each step done when no call has come for
    /// <see cref="QuietAfterReply"/>. Where the two cycles differ the larger count is kept, and a turn that gets more
    /// later shows as an unmatched call in the figures. Returns the replies seen, for the run's log.
    /// </summary>
    public async Task<List<string>> CalibrateAsync(Conversation probe, CancellationToken cancellationToken)
    {
        var counts = new int[_walk.Length];
        counts[_walk.Place(0)] = _firstTurnCalls;
        var seen = new List<string>();
        var turns = _walk.Prefix.Count + 2 * _walk.Cycle.Count + 1;
        // The probe's first turn (answered in FirstTurnAsync) is not counted again: with an empty prefix its place is the
        // cycle's first step, which the walk visits again.
        while (probe.Turn < turns)
        {
            var place = _walk.Place(probe.Turn);
            var (json, id) = probe.Next(_walk, _connector.ServiceUrl);
            _ = probe.Begin(id, int.MaxValue, keepTexts: true);
            using (var response = await PostAsync(json, cancellationToken))
            {
                if (!response.IsSuccessStatusCode)
                {
                    throw new InvalidOperationException($"Calibration: the bot answered {(int)response.StatusCode} to turn {probe.Turn}.");
                }
            }

            var count = await SettleAsync(probe, cancellationToken);
            if (count == 0)
            {
                throw new InvalidOperationException($"Calibration: turn {probe.Turn} (step {place} of the walk) got no answer.");
            }

            counts[place] = Math.Max(counts[place], count);
            var expect = _walk.At(probe.Turn).Expect;
            var texts = probe.Advance();
            if (expect is not null && !texts.Any(t => t.Contains(expect, StringComparison.OrdinalIgnoreCase)))
            {
                throw new InvalidOperationException(
                    $"Calibration: the bot left the walk at turn {probe.Turn - 1} (step {place}): no reply contains \"{expect}\". It said:\n  {string.Join("\n  ", texts)}");
            }

            seen.Add($"turn {probe.Turn - 1} (step {place}): {count} call(s)\n  " + string.Join("\n  ", texts.Select(t => t.ReplaceLineEndings(" "))));
        }

        _expected = counts;
        return seen;
    }

    /// <summary>Runs the load: a warm-up, then the measured window; then waits for the turns still in flight.</summary>
    public async Task<(IReadOnlyList<TurnRecord> Turns, long WindowStart, long WindowEnd, TimeSpan CpuInWindow)> RunAsync(
        LoadMode mode, RunSettings settings, CancellationToken cancellationToken)
    {
        var idle = new IdlePool();
        for (var i = 0; i < settings.Conversations; i++)
        {
            var conversation = new Conversation();
            _connector.Add(conversation);
            idle.Return(conversation, startsWalk: true);
        }

        var start = Stopwatch.GetTimestamp();
        var windowStart = start + (long)(settings.Warmup.TotalSeconds * Stopwatch.Frequency);
        var windowEnd = windowStart + (long)(settings.Duration.TotalSeconds * Stopwatch.Frequency);
        var cpuAtStart = TimeSpan.Zero;
        var cpuAtEnd = TimeSpan.Zero;
        var sampler = Task.Run(async () =>
        {
            await DelayUntilAsync(windowStart, cancellationToken);
            cpuAtStart = _bot.CpuTime();
            await DelayUntilAsync(windowEnd, cancellationToken);
            cpuAtEnd = _bot.CpuTime();
        }, cancellationToken);

        using var run = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var token = run.Token;
        var inFlight = new List<Task>();
        if (mode.Closed)
        {
            for (var i = 0; i < mode.Concurrency; i++)
            {
                inFlight.Add(Task.Run(async () =>
                {
                    while (Stopwatch.GetTimestamp() < windowEnd)
                    {
                        var conversation = await idle.TakeAsync(token);
                        if (Stopwatch.GetTimestamp() >= windowStart)
                        {
                            Interlocked.Increment(ref _begunInWindow);
                        }

                        var next = await TurnAsync(conversation, null, settings.TurnTimeout, token);
                        idle.Return(next, _walk.StartsWalk(next.Turn));
                    }
                }, token));
            }
        }
        else
        {
            // Poisson arrivals: exponential gaps at the target rate. An arrival goes to an idle conversation (see IdlePool);
            // when all are busy it waits for the next to come free, and its latency counts from when it arrived.
            var random = new Random(9);
            var next = (double)start;
            var ticksPerArrival = Stopwatch.Frequency / mode.Rate;
            while (true)
            {
                next += -Math.Log(1 - random.NextDouble()) * ticksPerArrival;
                if (next >= windowEnd)
                {
                    break;
                }

                await DelayUntilAsync((long)next, cancellationToken);
                var arrival = (long)next;
                if (!idle.TryTake(out var free))
                {
                    Queued++;
                }

                if (arrival >= windowStart)
                {
                    _begunInWindow++;
                }

                inFlight.Add(Task.Run(async () =>
                {
                    var conversation = free ?? await idle.TakeAsync(token);
                    var next = await TurnAsync(conversation, arrival, settings.TurnTimeout, token);
                    idle.Return(next, _walk.StartsWalk(next.Turn));
                }, token));
            }
        }

        await sampler;
        // The turns still in flight get their timeout and a little more; any left then are counted unfinished.
        try
        {
            await Task.WhenAll(inFlight).WaitAsync(settings.TurnTimeout + TimeSpan.FromSeconds(10), cancellationToken);
        }
        catch (TimeoutException)
        {
        }

        await run.CancelAsync();
        lock (_turns)
        {
            var recorded = _turns.Count(t => t.Start >= windowStart && t.Start < windowEnd);
            Unfinished = Math.Max(0, Interlocked.Read(ref _begunInWindow) - recorded);
            return ([.. _turns], windowStart, windowEnd, cpuAtEnd - cpuAtStart);
        }
    }

    /// <summary>
    /// One turn: posts the conversation's next step and waits until every call expected for it has arrived. Returns the
    /// conversation to go on with: this one, or a new one in its place when the turn failed or timed out (its walk
    /// would be out of step).
    /// </summary>
    private async Task<Conversation> TurnAsync(Conversation conversation, long? arrival, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var place = _walk.Place(conversation.Turn);
        var (json, id) = conversation.Next(_walk, _connector.ServiceUrl);
        var start = arrival ?? Stopwatch.GetTimestamp();
        var failed = false;
        var timedOut = false;
        try
        {
            // The timeout counts from the arrival: one that waited its whole time for a free conversation is not sent.
            if (Stopwatch.GetElapsedTime(start) >= timeout)
            {
                throw new TimeoutException();
            }

            var answered = conversation.Begin(id, _expected[place]);
            using var response = await PostAsync(json, cancellationToken);
            failed = !response.IsSuccessStatusCode;
            if (!failed)
            {
                await answered.WaitAsync(timeout - Stopwatch.GetElapsedTime(start), cancellationToken);
            }
        }
        catch (HttpRequestException)
        {
            failed = true;
        }
        catch (OperationCanceledException)
        {
            // The HTTP client's own timeout, or the run ending with this turn still unanswered.
            timedOut = true;
        }
        catch (TimeoutException)
        {
            timedOut = true;
        }
        catch (ArgumentOutOfRangeException)
        {
            // The POST itself took longer than the whole timeout.
            timedOut = true;
        }

        var end = Stopwatch.GetTimestamp();
        lock (_turns)
        {
            _turns.Add(new TurnRecord(start, end, timedOut, failed));
        }

        if (!failed && !timedOut)
        {
            conversation.Advance();
            return conversation;
        }

        if (timedOut && conversation.Received == 0 && !conversation.InFlight)
        {
            // Never sent: the conversation is still in step.
            return conversation;
        }

        _connector.Remove(conversation);
        var fresh = new Conversation();
        _connector.Add(fresh);
        return fresh;
    }

    private async Task<HttpResponseMessage> PostAsync(string json, CancellationToken cancellationToken)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(json));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return await _http.PostAsync(new Uri(_bot.Address, "api/messages"), content, cancellationToken);
    }

    /// <summary>Waits until the turn in flight has had at least one call and then none for <see cref="QuietAfterReply"/>.</summary>
    private static async Task<int> SettleAsync(Conversation conversation, CancellationToken cancellationToken)
    {
        var waited = TimeSpan.Zero;
        var last = -1;
        while (true)
        {
            await Task.Delay(QuietAfterReply, cancellationToken);
            waited += QuietAfterReply;
            var now = conversation.Received;
            if ((now > 0 && now == last) || (now == 0 && waited > TimeSpan.FromSeconds(30)))
            {
                return now;
            }

            last = now;
        }
    }

    private static async Task DelayUntilAsync(long timestamp, CancellationToken cancellationToken)
    {
        var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), timestamp);
        if (wait > TimeSpan.FromMilliseconds(1))
        {
            await Task.Delay(wait, cancellationToken);
        }
    }
}
