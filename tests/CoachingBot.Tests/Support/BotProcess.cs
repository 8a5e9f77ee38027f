using System.Diagnostics;
using System.Text.RegularExpressions;

namespace CoachingBot.Tests.Support;

/// <summary>
/// The bot as its own operating-system process (the built CoachingBot.dll), on a free loopback port, so a test
/// can kill it outright and start another on the same data folder.
/// </summary>
public sealed partial class BotProcess : IAsyncDisposable
{
    private readonly Process _process;

    private BotProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public static async Task<BotProcess> StartAsync(string dataFolder)
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

        var process = new Process { StartInfo = info };
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        var output = new List<string>();
        process.OutputDataReceived += (_, line) =>
        {
            if (line.Data is null)
            {
                listening.TrySetException(new InvalidOperationException("The bot exited before listening:\n" + string.Join('\n', output)));
                return;
            }

            lock (output)
            {
                output.Add(line.Data);
            }

            if (ListeningLine().Match(line.Data) is { Success: true } match)
            {
                listening.TrySetResult(new Uri(match.Groups["url"].Value));
            }
        };
        process.ErrorDataReceived += (_, line) =>
        {
            if (line.Data is not null)
            {
                lock (output)
                {
                    output.Add(line.Data);
                }
            }
        };

        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            var address = await listening.Task.WaitAsync(TimeSpan.FromSeconds(60));
            return new BotProcess(process, address);
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
        await _process.WaitForExitAsync();
    }

    public bool HasExited => _process.HasExited;

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
