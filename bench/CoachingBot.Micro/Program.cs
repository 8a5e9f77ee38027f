using BenchmarkDotNet.Running;

namespace CoachingBot.Micro;

/// <summary>
/// <c>dotnet run -c Release --project bench/CoachingBot.Micro -- --filter '*'</c> runs every benchmark;
/// add <c>--job short</c> (or <c>--job dry</c>) for a quick look.
/// </summary>
public static class Program
{
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
