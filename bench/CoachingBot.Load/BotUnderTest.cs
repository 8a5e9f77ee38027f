using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace CoachingBot.Load;

internal enum BotKind
{
    CoachingBot,
    Peer,
}

/// <summary>Where a bot keeps its state: CoachingBot on SQLite or PostgreSQL; the peer in memory.</summary>
internal enum StorageKind
{
    Sqlite,
    PostgreSql,
    Memory,
}

/// <summary>
/// A bot under load as its own process, pinned to one core (<c>taskset -c 0</c>): the built CoachingBot.dll or the
/// peer's bot.js, on a free loopback port with auth off. Reads the process's CPU time and peak memory from /proc.
/// </summary>
internal sealed class BotUnderTest : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;
    private readonly string? _dataFolder;

    private BotUnderTest(Process process, StreamWriter log, Uri address, string? dataFolder, long startedAt)
    {
        _process = process;
        _log = log;
        Address = address;
        _dataFolder = dataFolder;
        StartedAt = startedAt;
    }

    public Uri Address { get; }

    /// <summary>The <see cref="Stopwatch"/> timestamp just before the process was started.</summary>
    public long StartedAt { get; }

    public int Pid => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>
    /// Starts the bot. <paramref name="app"/> is the folder of CoachingBot.dll or of the peer's bot.js;
    /// <paramref name="connectionString"/> the PostgreSQL database for this run (CoachingBot on PostgreSQL only).
    /// </summary>
    public static BotUnderTest Start(BotKind kind, string scenario, string app, StorageKind storage, string? connectionString, int? core, string logPath)
    {
        app = Path.GetFullPath(app);
        var port = FreePort();
        string? dataFolder = null;
        ProcessStartInfo info;
        if (kind == BotKind.CoachingBot)
        {
            info = Command(core, DotnetHost(), Path.Combine(app, "CoachingBot.dll"), "--urls", $"http://127.0.0.1:{port}");
            foreach (var name in info.Environment.Keys.Where(Configures).ToList())
            {
                info.Environment.Remove(name);
            }

            info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
            if (storage == StorageKind.PostgreSql)
            {
                info.Environment["Storage__Provider"] = "PostgreSQL";
                info.Environment["Storage__ConnectionString"] = connectionString;
            }
            else
            {
                dataFolder = Directory.CreateTempSubdirectory("coachingbot-bench-").FullName;
                info.Environment["Storage__DataFolder"] = dataFolder;
            }
        }
        else
        {
            info = Command(core, "node", Path.Combine(app, "bot.js"));
            info.Environment["PORT"] = port.ToString(CultureInfo.InvariantCulture);
            info.Environment["PEER_BOT"] = scenario == "grow" ? "waterfall" : "echo";
            info.Environment["NODE_ENV"] = "production";
        }

        info.WorkingDirectory = app;
        Directory.CreateDirectory(Path.GetDirectoryName(logPath)!);
        var log = new StreamWriter(logPath) { AutoFlush = false };
        var startedAt = Stopwatch.GetTimestamp();
        var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {info.FileName}.");
        process.OutputDataReceived += (_, e) => Write(log, e.Data);
        process.ErrorDataReceived += (_, e) => Write(log, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new BotUnderTest(process, log, new Uri($"http://127.0.0.1:{port}/"), dataFolder, startedAt);
    }

    /// <summary>User plus system CPU time the process has used so far.</summary>
    public TimeSpan CpuTime()
    {
        var stat = File.ReadAllText($"/proc/{Pid}/stat");
        // Fields after the command name, which is in parentheses and may hold spaces: state is the first (field 3),
        // utime field 14 and stime field 15.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds((double)ticks / ClockTicks.Value);
    }

    /// <summary>The process's peak resident set (VmHWM), in bytes.</summary>
    public long PeakMemory()
    {
        foreach (var line in File.ReadLines($"/proc/{Pid}/status"))
        {
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                return long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
            }
        }

        throw new InvalidOperationException("No VmHWM in /proc/<pid>/status.");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        lock (_log)
        {
            _log.Dispose();
        }

        if (_dataFolder is not null)
        {
            try
            {
                Directory.Delete(_dataFolder, recursive: true);
            }
            catch (IOException)
            {
                // A file still held open as the process dies: the temp folder is cleaned up by the system.
            }
        }
    }

    /// <summary>True when taskset is there and this machine has more than one core, so the bot can have a core to itself.</summary>
    public static bool CanPin => Environment.ProcessorCount > 1 && File.Exists("/usr/bin/taskset");

    /// <summary>The dotnet host running the generator, so the bot runs on the same runtime.</summary>
    private static string DotnetHost() =>
        Environment.ProcessPath is { } path && Path.GetFileNameWithoutExtension(path) == "dotnet" ? path : "dotnet";

    private static ProcessStartInfo Command(int? core, string program, params string[] arguments)
    {
        // taskset execs the program, so the process started here is the bot itself (same pid, for /proc).
        var info = core is { } c
            ? new ProcessStartInfo("taskset", ["-c", c.ToString(CultureInfo.InvariantCulture), program, .. arguments])
            : new ProcessStartInfo(program, arguments);
        info.UseShellExecute = false;
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        return info;
    }

    // Inherited settings that would change where the bot listens or how it is set up.
    private static bool Configures(string name) =>
        name.StartsWith("ASPNETCORE_", StringComparison.Ordinal) || name.StartsWith("Bot__", StringComparison.Ordinal)
        || name.StartsWith("Storage__", StringComparison.Ordinal) || name.StartsWith("Kestrel__", StringComparison.Ordinal)
        || name.StartsWith("DOTNET_URLS", StringComparison.Ordinal) || name is "URLS" or "HTTP_PORTS" or "DOTNET_HTTP_PORTS" or "PORT";

    private static void Write(StreamWriter log, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (log)
        {
            if (log.BaseStream.CanWrite)
            {
                log.WriteLine(line);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static readonly Lazy<double> ClockTicks = new(() =>
    {
        try
        {
            using var getconf = Process.Start(new ProcessStartInfo("getconf", "CLK_TCK") { RedirectStandardOutput = true, UseShellExecute = false })!;
            var text = getconf.StandardOutput.ReadToEnd();
            getconf.WaitForExit();
            return double.Parse(text.Trim(), CultureInfo.InvariantCulture);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return 100;
        }
    });
}
