using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;

namespace CoachingBot.Micro;

/// <summary>
/// <c>dotnet run -c Release --project bench/CoachingBot.Micro -- --filter '*'</c> runs every benchmark;
/// add <c>--job short</c> (or <c>--job dry</c>) for a quick look.
/// </summary>
public static class Program
{
    public static void Main(string[] args)
    {
        // BenchmarkDotNet rebuilds this project and the app in a runner project of its own; on a busy 2-core machine that
        // takes longer than its default two minutes.
        var config = ManualConfig.Create(DefaultConfig.Instance).WithBuildTimeout(TimeSpan.FromMinutes(15));
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config);
    }
}
