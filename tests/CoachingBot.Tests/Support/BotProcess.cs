using System.Diagnostics;
using System.Text.RegularExpressions;

namespace CoachingBot.Tests.Support;

/// <summary>
/// The bot as its own operating-system process (a CoachingBot.dll: the test's own build, or a published copy), so a
/// test can kill it outright, start another on the same data folder, or start it with the environment a host gives it.
/// </summary>
public sealed partial class BotProcess : IAsyncDisposable
{
    private const int KeptOutputLines = 400;

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan ExitTimeout = TimeSpan.FromSeconds(30);

    // Inherited variables that would say where the bot listens or how it is set up. A test names its own, so the
    // shell the tests run from cannot change what they see.
    private static readonly string[] StrippedPrefixes = ["ASPNETCORE_", "Bot__", "Storage__", "Kestrel__"];
    private static readonly string[] StrippedNames = ["URLS", "HTTP_PORTS", "HTTPS_PORTS", "DOTNET_URLS", "DOTNET_HTTP_PORTS", "DOTNET_HTTPS_PORTS", "PORT"];

    private readonly Launch _launch;

    private BotProcess(Launch launch, Uri listeningAddress)
    {
        _launch = launch;
        ListeningAddress = listeningAddress;
        BaseAddress = Reachable(listeningAddress);
    }

    /// <summary>The first address Kestrel reported ("Now listening on"), as it reported it: <c>http://[::]:PORT</c> for a wildcard.</summary>
    public Uri ListeningAddress { get; }

    /// <summary>Where a client on this machine reaches the bot: the listening address, or loopback for a wildcard.</summary>
    public Uri BaseAddress { get; }

    public bool HasExited => _launch.Process.HasExited;

    public int Id => _launch.Process.Id;

    /// <summary>Everything the process wrote so far, standard output and error interleaved.</summary>
    public string Output => _launch.Output;

    /// <summary>The last lines the process wrote (stdout and stderr), for failure messages.</summary>
    public string RecentOutput => string.Join('\n', Output.Split('\n').TakeLast(KeptOutputLines));

    /// <summary>The test's own build of the bot on a free loopback port, its SQLite file in the given folder.</summary>
    public static Task<BotProcess> StartAsync(string dataFolder) => StartAsync(dataFolder, settings: null);

    /// <summary>
    /// The test's own build of the bot on a free loopback port, its data in <paramref name="dataFolder"/> and
    /// <paramref name="settings"/> as configuration (keys as in appsettings.json, such as <c>Storage:Provider</c>),
    /// passed in the environment rather than on the command line so a connection string does not show in the process list.
    /// </summary>
    public static Task<BotProcess> StartAsync(string dataFolder, IReadOnlyDictionary<string, string>? settings) =>
        StartAsync(
            AppContext.BaseDirectory,
            ["--urls", "http://127.0.0.1:0", "--Storage:DataFolder", dataFolder],
            (settings ?? new Dictionary<string, string>()).ToDictionary(s => s.Key.Replace(":", "__", StringComparison.Ordinal), s => s.Value));

    /// <summary>
    /// Starts the CoachingBot.dll in <paramref name="appFolder"/> (also its working directory and content root) and
    /// waits until it listens. The environment is the test process's, less anything that configures the bot or says
    /// where to listen, plus <paramref name="environment"/>.
    /// </summary>
    public static async Task<BotProcess> StartAsync(string appFolder, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string> environment)
    {
        var launch = Launch.Start(appFolder, arguments, environment);
        try
        {
            var address = await launch.Listening.Task.WaitAsync(StartTimeout);
            return new BotProcess(launch, address);
        }
        catch
        {
            await launch.KillAsync();
            launch.Process.Dispose();
            throw;
        }
    }

    /// <summary>Runs the bot until it stops by itself, for a start that is meant to fail: its exit code and output.</summary>
    public static async Task<(int ExitCode, string Output)> RunToExitAsync(string appFolder, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string> environment)
    {
        var launch = Launch.Start(appFolder, arguments, environment);
        using var process = launch.Process;
        try
        {
            await Task.WhenAll(launch.Exited, process.WaitForExitAsync()).WaitAsync(StartTimeout);
        }
        catch (TimeoutException)
        {
            await launch.KillAsync();
            throw new InvalidOperationException("The bot was expected to stop by itself but still runs:\n" + launch.Output);
        }

        return (process.ExitCode, launch.Output);
    }

    /// <summary>Ends the process with SIGKILL: no shutdown hooks, no flushing, as a crash or an OOM kill would.</summary>
    public Task KillAsync() => _launch.KillAsync();

    /// <summary>
    /// Sends SIGTERM, as App Service or Kubernetes do to stop an instance, and waits up to <paramref name="timeout"/>
    /// for the process to end. Returns how long it took; a process still running then is killed and the call throws,
    /// so a bot that does not stop fails its test instead of hanging it.
    /// </summary>
    public async Task<TimeSpan> TerminateAsync(TimeSpan timeout)
    {
        var started = Stopwatch.GetTimestamp();
        using (var kill = Process.Start(new ProcessStartInfo("kill", ["-TERM", Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]) { UseShellExecute = false })!)
        {
            await kill.WaitForExitAsync().WaitAsync(ExitTimeout);
            if (kill.ExitCode != 0)
            {
                throw new InvalidOperationException($"kill -TERM {Id} failed with {kill.ExitCode}.");
            }
        }

        try
        {
            await _launch.Process.WaitForExitAsync().WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            await KillAsync();
            throw new TimeoutException($"The bot was still running {timeout.TotalSeconds:0.#} s after SIGTERM; killed it. Its last output:\n{RecentOutput}");
        }

        return Stopwatch.GetElapsedTime(started);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_launch.Process.HasExited)
        {
            await KillAsync();
        }

        _launch.Process.Dispose();
    }

    private static Uri Reachable(Uri address) =>
        address.Host is "[::]" or "0.0.0.0" ? new UriBuilder(address) { Host = "127.0.0.1" }.Uri : address;

    /// <summary>The dotnet host running these tests, so that a child process uses the same SDK and runtime.</summary>
    public static string DotnetHost() =>
        Environment.ProcessPath is { } path && Path.GetFileNameWithoutExtension(path) == "dotnet" ? path : "dotnet";

    // Up to a quote or backslash too, so that the line is read the same in the JSON console format.
    [GeneratedRegex(@"Now listening on: (?<url>https?://[^\s""\\]+)")]
    private static partial Regex ListeningLine();

    private sealed class Launch
    {
        private readonly List<string> _output = [];
        private readonly TaskCompletionSource _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _streamsOpen = 2;

        private Launch(Process process) => Process = process;

        public Process Process { get; }

        public TaskCompletionSource<Uri> Listening { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>Completes once the process has exited and both of its streams are read to the end.</summary>
        public Task Exited => _exited.Task;

        public string Output
        {
            get
            {
                lock (_output)
                {
                    return string.Join('\n', _output);
                }
            }
        }

        public static Launch Start(string appFolder, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string> environment)
        {
            var info = new ProcessStartInfo(DotnetHost(), [Path.Combine(appFolder, "CoachingBot.dll"), .. arguments])
            {
                WorkingDirectory = appFolder,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var name in info.Environment.Keys.Where(Stripped).ToList())
            {
                info.Environment.Remove(name);
            }

            info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
            info.Environment["Logging__Console__FormatterName"] = "simple";
            foreach (var (name, value) in environment)
            {
                info.Environment[name] = value;
            }

            var launch = new Launch(new Process { StartInfo = info });
            launch.Process.OutputDataReceived += (_, line) => launch.Received(line.Data, watch: true);
            launch.Process.ErrorDataReceived += (_, line) => launch.Received(line.Data, watch: false);
            launch.Process.Start();
            launch.Process.BeginOutputReadLine();
            launch.Process.BeginErrorReadLine();
            return launch;
        }

        public async Task KillAsync()
        {
            Process.Kill(entireProcessTree: true);
            await Process.WaitForExitAsync().WaitAsync(ExitTimeout);
        }

        private static bool Stripped(string name) =>
            StrippedNames.Contains(name, StringComparer.OrdinalIgnoreCase)
            || StrippedPrefixes.Any(prefix => name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase));

        private void Received(string? line, bool watch)
        {
            if (line is null)
            {
                // A stream ends only when the process has gone.
                if (Interlocked.Decrement(ref _streamsOpen) == 0)
                {
                    Listening.TrySetException(new InvalidOperationException("The bot exited before listening:\n" + Output));
                    _exited.TrySetResult();
                }

                return;
            }

            lock (_output)
            {
                _output.Add(line);
            }

            if (watch && ListeningLine().Match(line) is { Success: true } match)
            {
                Listening.TrySetResult(new Uri(match.Groups["url"].Value));
            }
        }
    }
}
