using System.Text.Json;
using BenchmarkDotNet.Attributes;
using CoachingBot.Teams.Schema;

namespace CoachingBot.Micro;

/// <summary>
/// Reading an activity from the request body's bytes and writing one to the connector's, with the protocol's
/// <see cref="BotJson.Options"/>, as the endpoint and the connector client do.
/// </summary>
[MemoryDiagnoser]
public class ActivityJsonBenchmarks
{
    private byte[] _utf8 = [];
    private Activity _activity = null!;

    [ParamsAllValues]
    public ActivityKind Kind { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _utf8 = ActivitySamples.Utf8(Kind);
        // The reply is written from the object graph the bot builds; the inbound ones from what was read.
        _activity = Kind == ActivityKind.CardReply ? ActivitySamples.CardReply() : Read();
    }

    [Benchmark]
    public Activity Read() => JsonSerializer.Deserialize<Activity>(_utf8, BotJson.Options)
        ?? throw new InvalidOperationException("The sample read as null.");

    [Benchmark]
    public byte[] Write() => JsonSerializer.SerializeToUtf8Bytes(_activity, BotJson.Options);
}
