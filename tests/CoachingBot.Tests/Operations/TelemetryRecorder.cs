using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace CoachingBot.Tests.Operations;

/// <summary>
/// Listens as an exporter would: every ActivitySource in the process (all data sampled), and every instrument of
/// one host's meters (those its <see cref="IMeterFactory"/> made, so other tests' bots running alongside are not mixed in).
/// </summary>
internal sealed class TelemetryRecorder : IDisposable
{
    private readonly ActivityListener _spans;
    private readonly MeterListener _meters;
    private readonly ConcurrentQueue<Activity> _stopped = new();
    private readonly ConcurrentQueue<RecordedMeasurement> _measurements = new();
    private readonly SemaphoreSlim _arrivals = new(0);

    public TelemetryRecorder(IMeterFactory scope)
    {
        _spans = new ActivityListener
        {
            ShouldListenTo = _ => true,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                _stopped.Enqueue(activity);
                _arrivals.Release();
            },
        };
        ActivitySource.AddActivityListener(_spans);

        _meters = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Scope == scope)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        _meters.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        _meters.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        _meters.Start();
    }

    public IReadOnlyList<Activity> Spans => [.. _stopped];

    public IReadOnlyList<RecordedMeasurement> Measurements => [.. _measurements];

    public IReadOnlyList<RecordedMeasurement> MeasurementsOf(string instrument) => [.. _measurements.Where(m => m.Instrument == instrument)];

    /// <summary>Waits until <paramref name="condition"/> holds, checking after each span or measurement that arrives.</summary>
    public async Task WaitUntilAsync(Func<bool> condition, string expectation, TimeSpan? timeout = null)
    {
        using var deadline = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(30));
        while (!condition())
        {
            try
            {
                await _arrivals.WaitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"Expected {expectation}; spans: {string.Join(", ", Spans.Select(s => s.OperationName))}");
            }
        }
    }

    /// <summary>Asks the observable gauges for their values now.</summary>
    public void CollectGauges() => _meters.RecordObservableInstruments();

    public void Dispose()
    {
        _spans.Dispose();
        _meters.Dispose();
        _arrivals.Dispose();
    }

    private void Record<T>(Instrument instrument, T value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        where T : struct
    {
        _measurements.Enqueue(new RecordedMeasurement(instrument.Name, Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture), tags.ToArray().ToDictionary(t => t.Key, t => t.Value)));
        _arrivals.Release();
    }
}

internal sealed record RecordedMeasurement(string Instrument, double Value, IReadOnlyDictionary<string, object?> Tags)
{
    public string? Tag(string key) => Tags.TryGetValue(key, out var value) ? value?.ToString() : null;
}
