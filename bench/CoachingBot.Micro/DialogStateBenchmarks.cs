using BenchmarkDotNet.Attributes;
using CoachingBot.Micro.Harness;
using CoachingBot.Teams.Dialogs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CoachingBot.Micro;

/// <summary>Where the dialog-state round trip keeps its state.</summary>
public enum StateStoreKind
{
    /// <summary>The protocol library's <see cref="InMemoryDialogStateStore"/>.</summary>
    Memory,
    /// <summary>The app's EF Core store on a SQLite file.</summary>
    Sqlite,
    /// <summary>The app's EF Core store on PostgreSQL; offered only when COACHINGBOT_TEST_POSTGRES is set.</summary>
    PostgreSql,
}

/// <summary>
/// One save and one load of a GROW conversation's dialog state, stopped at the Reality question: the stack written to
/// JSON, written under its ETag, read back and parsed against the app's dialogs. The state is what the bot itself
/// stored on the way there, so it follows the dialogs as they change.
/// </summary>
[MemoryDiagnoser]
public class DialogStateBenchmarks
{
    private BotHarness _bot = null!;
    private IServiceScope _scope = null!;
    private IDialogStateStore _store = null!;
    private DialogSet _dialogs = null!;
    private DialogState _state = null!;
    private string _key = "";
    private string? _etag;

    [ParamsSource(nameof(Stores))]
    public StateStoreKind Store { get; set; }

    public static IEnumerable<StateStoreKind> Stores() => BotHarness.PostgresAvailable
        ? [StateStoreKind.Memory, StateStoreKind.Sqlite, StateStoreKind.PostgreSql]
        : [StateStoreKind.Memory, StateStoreKind.Sqlite];

    /// <summary>Length of the stored state in characters, for the README.</summary>
    public int StateLength { get; private set; }

    [GlobalSetup]
    public async Task Setup()
    {
        var database = Store == StateStoreKind.PostgreSql ? HarnessDatabase.PostgreSql : HarnessDatabase.Sqlite;
        _bot = await BotHarness.StartAsync(database, inMemoryTurns: Store == StateStoreKind.Memory);
        try
        {
            await PrepareAsync();
        }
        catch
        {
            // BenchmarkDotNet does not clean up after a failed setup: the database must not be left behind.
            await Cleanup();
            throw;
        }
    }

    private async Task PrepareAsync()
    {
        var user = await GrowWalk.ToRealityAsync(_bot);

        _store = _bot.Services.GetRequiredService<IDialogStateStore>();
        var stateKey = _bot.Services.GetRequiredService<IOptions<DialogRunnerOptions>>().Value.StateKey(user.Message("?"));
        var stored = await _store.ReadAsync(stateKey) ?? throw new InvalidOperationException("The walk left no dialog state.");
        _scope = _bot.Services.CreateScope();
        _dialogs = _scope.ServiceProvider.GetRequiredService<DialogSet>();
        _state = Parse(stored.Json);
        StateLength = stored.Json.Length;

        // A key of the benchmark's own, so the round trips never race a turn.
        _key = stateKey + "/micro";
        _etag = await _store.WriteAsync(_key, stored.Json, etag: null);
    }

    [Benchmark]
    public async Task<int> SaveAndLoad()
    {
        _etag = await _store.WriteAsync(_key, _state.Serialize(), _etag);
        var stored = await _store.ReadAsync(_key) ?? throw new InvalidOperationException("The state was not there to read.");
        _state = Parse(stored.Json);
        return _state.Stack.Count;
    }

    [GlobalCleanup]
    public async Task Cleanup()
    {
        _scope?.Dispose();
        if (_bot is not null)
        {
            await _bot.DisposeAsync();
            _bot = null!;
        }
    }

    private DialogState Parse(string json) => DialogState.TryParse(json, _dialogs, out var state, out var problem)
        ? state
        : throw new InvalidOperationException($"The stored state did not parse: {problem}.");
}
