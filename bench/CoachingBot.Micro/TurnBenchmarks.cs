using BenchmarkDotNet.Attributes;
using CoachingBot.Micro.Harness;

namespace CoachingBot.Micro;

/// <summary>
/// A <c>help</c> message through the whole turn pipeline in-process: accepted into the in-memory journal, run in its
/// conversation's lane by the app's turn handler, the reply committed and sent to a connector that answers at once.
/// The app's other stores (conversation references, coaching records) are on a SQLite file.
/// </summary>
/// <remarks>
/// The in-memory journal keeps finished turns for an hour and looks for a conversation's next turn by scanning all of
/// them, so a turn costs more the more turns came before it (tens of thousands in a run). Before each iteration the
/// bot's clock moves two hours on, so the journal forgets the turns of the last one and every iteration measures a
/// turn against the same few hundred.
/// </remarks>
[MemoryDiagnoser]
public class HelpTurnBenchmarks
{
    private readonly ShiftedClock _clock = new();
    private BotHarness _bot = null!;
    private TeamsUser _user = null!;

    [GlobalSetup]
    public async Task Setup()
    {
        _bot = await BotHarness.StartAsync(HarnessDatabase.Sqlite, inMemoryTurns: true, _clock);
        _user = new TeamsUser();
        try
        {
            await _bot.RunAsync(_user.Install());
            var log = _bot.Connector.Log(_user.ConversationId);
            await GrowWalk.ExpectRepliesAsync(_bot, log, _user.Message("help"), "help");
        }
        catch
        {
            // BenchmarkDotNet does not clean up after a failed setup: the data folder must not be left behind.
            await Cleanup();
            throw;
        }
    }

    [IterationSetup]
    public void ForgetFinishedTurns() => _clock.Advance(TimeSpan.FromHours(2));

    [Benchmark]
    public Task Help() => _bot.RunAsync(_user.Message("help"));

    [GlobalCleanup]
    public async Task Cleanup()
    {
        if (_bot is not null)
        {
            await _bot.DisposeAsync();
            _bot = null!;
        }
    }
}

/// <summary>
/// One GROW step through the whole turn pipeline, as <see cref="HelpTurnBenchmarks"/>: the answer to the Reality
/// question, which the bot reflects back before showing the options card. Each invocation needs a conversation waiting
/// at that question, so one is walked there before it (not measured), and each iteration is one invocation.
/// </summary>
[MemoryDiagnoser]
[InvocationCount(1, 1)]
public class GrowStepBenchmarks
{
    private BotHarness _bot = null!;
    private TeamsUser _user = null!;

    [GlobalSetup]
    public async Task Setup()
    {
        _bot = await BotHarness.StartAsync(HarnessDatabase.Sqlite, inMemoryTurns: true);
        try
        {
            // Once before measuring, checked: the step must show the options card.
            var user = await GrowWalk.ToRealityAsync(_bot);
            var log = _bot.Connector.Log(user.ConversationId);
            var card = log.LastCardId;
            await _bot.RunAsync(user.Message(GrowWalk.RealityAnswer));
            if (log.LastCardId == card)
            {
                throw new InvalidOperationException("The Reality answer did not lead to the options card.");
            }
        }
        catch
        {
            // BenchmarkDotNet does not clean up after a failed setup: the data folder must not be left behind.
            await Cleanup();
            throw;
        }
    }

    [IterationSetup]
    public void WalkToReality() => _user = GrowWalk.ToRealityAsync(_bot).GetAwaiter().GetResult();

    [Benchmark]
    public Task RealityAnswer() => _bot.RunAsync(_user.Message(GrowWalk.RealityAnswer));

    [GlobalCleanup]
    public async Task Cleanup()
    {
        if (_bot is not null)
        {
            await _bot.DisposeAsync();
            _bot = null!;
        }
    }
}
