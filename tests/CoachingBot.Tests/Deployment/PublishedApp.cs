using System.Diagnostics;
using System.Reflection;
using CoachingBot.Tests.Support;

namespace CoachingBot.Tests.Deployment;

/// <summary>
/// The app as <c>dotnet publish</c> lays it out for App Service (its appsettings files, no launch settings), in a
/// temporary folder, published once for the tests that share this fixture.
/// </summary>
/// <remarks>
/// Published with <c>--no-build</c> in the configuration these tests were built in: building the test project built the
/// app, so publishing only lays the files out, in seconds rather than the minute a Release build takes here.
/// </remarks>
public sealed class PublishedApp : IAsyncLifetime
{
    private static readonly TimeSpan PublishTimeout = TimeSpan.FromMinutes(3);

    private readonly string _root = Path.Combine(Path.GetTempPath(), "coachingbot-tests", "publish-" + Guid.NewGuid().ToString("N"));

    public string Folder => Path.Combine(_root, "publish");

    public async Task InitializeAsync()
    {
        var configuration = typeof(PublishedApp).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var info = new ProcessStartInfo(BotProcess.DotnetHost(),
            ["publish", RepositoryFiles.AppProjectPath, "--configuration", configuration, "--no-build", "--output", Folder, "--nologo", "-nodeReuse:false"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // No build servers left behind by a test.
        info.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        info.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";

        using var process = Process.Start(info) ?? throw new InvalidOperationException("dotnet publish did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        try
        {
            await process.WaitForExitAsync().WaitAsync(PublishTimeout);
        }
        catch (TimeoutException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        if (process.ExitCode != 0 || !File.Exists(Path.Combine(Folder, "CoachingBot.dll")))
        {
            throw new InvalidOperationException($"dotnet publish failed ({process.ExitCode}):\n{await output}\n{await errors}");
        }
    }

    public Task DisposeAsync()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }

        return Task.CompletedTask;
    }
}
