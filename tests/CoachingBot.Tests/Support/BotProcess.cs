using System.Diagnostics;
using System.Text.RegularExpressions;

namespace CoachingBot.Tests.Support;

/// <summary>
/// The bot as its own operating-system process (the built CoachingBot.dll), on a free loopback port, so a test
/// can kill it outright (SIGKILL) or ask it to stop (SIGTERM), and start another on the same data.
/// </summary>
public sealed partial class BotProcess : IAsyncDisposable
{
    private const int KeptOutputLines = 400;

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan ExitTimeout = TimeSpan.FromSeconds(30);

    private readonly Process _process;
    private readonly Queue<string> _output;

    private BotProcess(Process process, Uri baseAddress, Queue<string> output)
    {
        _process = process;
        BaseAddress = baseAddress;
        _output = output;
    }

    public Uri BaseAddress { get; }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>The last lines the process wrote (stdout and stderr), for failure messages.</summary>
    public string RecentOutput
    {
        get
        {
            lock (_output)
            {
                return string.Join('\n', _output);
            }
        }
    }

    public static Task<BotProcess> StartAsync(string dataFolder) => StartAsync(dataFolder, settings: null);

    /// <summary>
    /// Starts the bot with its data in <paramref name="dataFolder"/> and <paramref name="settings"/> as configuration
    /// (keys as in appsettings.json, such as <c>Storage:Provider</c>), passed in the environment rather than on the
    /// command line so a connection string does not show in the process list.
    /// </summary>
    public static async Task<BotProcess> StartAsync(string dataFolder, IReadOnlyDictionary<string, string>? settings)
    {
        var appFolder = AppContext.BaseDirectory;
        var info = new ProcessStartInfo(DotnetHost(), [Path.Combine(appFolder, "CoachingBot.dll"), "--urls", "http://127.0.0.1:0", "--Storage:DataFolder", dataFolder])
        {
            WorkingDirectory = appFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["Logging__Console__FormatterName"] = "simple";
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            info.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var process = new Process { StartInfo = info };
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        var output = new Queue<string>();
        void Keep(string line)
        {
            lock (output)
            {
                output.Enqueue(line);
                if (output.Count > KeptOutputLines)
                {
                    output.Dequeue();
                }
            }
        }

        process.OutputDataReceived += (_, line) =>
        {
            if (line.Data is null)
            {
                string seen;
                lock (output)
                {
                    seen = string.Join('\n', output);
                }

                listening.TrySetException(new InvalidOperationException("The bot exited before listening:\n" + seen));
                return;
            }

            Keep(line.Data);
            if (ListeningLine().Match(line.Data) is { Success: true } match)
            {
                listening.TrySetResult(new Uri(match.Groups["url"].Value));
            }
        };
        process.ErrorDataReceived += (_, line) =>
        {
            if (line.Data is not null)
            {
                Keep(line.Data);
            }
        };

        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            var address = await listening.Task.WaitAsync(StartTimeout);
            return new BotProcess(process, address, output);
        }
        catch
        {
            process.Kill(entireProcessTree: true);
            process.Dispose();
            throw;
        }
    }

    /// <summary>Ends the process with SIGKILL: no shutdown hooks, no flushing, as a crash or an OOM kill would.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync().WaitAsync(ExitTimeout);
    }

    /// <summary>
    /// Sends SIGTERM, as App Service or Kubernetes do to stop an instance, and waits up to <paramref name="timeout"/>
    /// for the process to end. Returns how long it took; a process still running then is killed and the call throws,
    /// so a bot that does not stop fails its test instead of hanging it.
    /// </summary>
    public async Task<TimeSpan> TerminateAsync(TimeSpan timeout)
    {
        var started = Stopwatch.GetTimestamp();
        using (var kill = Process.Start(new ProcessStartInfo("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]) { UseShellExecute = false })!)
        {
            await kill.WaitForExitAsync().WaitAsync(ExitTimeout);
            if (kill.ExitCode != 0)
            {
                throw new InvalidOperationException($"kill -TERM {_process.Id} failed with {kill.ExitCode}.");
            }
        }

        try
        {
            await _process.WaitForExitAsync().WaitAsync(timeout);
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
        if (!_process.HasExited)
        {
            await KillAsync();
        }

        _process.Dispose();
    }

    private static string DotnetHost() =>
        Environment.ProcessPath is { } path && Path.GetFileNameWithoutExtension(path) == "dotnet" ? path : "dotnet";

    [GeneratedRegex(@"Now listening on: (?<url>http://127\.0\.0\.1:\d+)")]
    private static partial Regex ListeningLine();
}
