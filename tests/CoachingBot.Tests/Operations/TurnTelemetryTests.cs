using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using CoachingBot.Chat;
using CoachingBot.Operations;
using CoachingBot.Scheduling;
using CoachingBot.Teams.Hosting;
using CoachingBot.Teams.Schema;
using CoachingBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;
using Quartz;
using Activity = System.Diagnostics.Activity;

namespace CoachingBot.Tests.Operations;

/// <summary>The spans and metrics a turn leaves, read through the real pipeline as an exporter would read them.</summary>
public sealed class TurnTelemetryTests
{
    // Nothing a span, a metric or its tags may ever carry.
    private const string Confidence = "I still resent how Priya Ramaswamy took credit for the Lisbon rollout";

    [Fact]
    public async Task Turn_EmitsSpanAndMetricsWithProtocolTags_AndNoUserText()
    {
        await using var app = await BotApp.StartAsync();
        using var recorder = new TelemetryRecorder(app.Services.GetRequiredService<IMeterFactory>());
        using var chat = app.Chat();
        var message = chat.Message(Confidence);

        await chat.ExchangeAsync(message, 1);
        await recorder.WaitUntilAsync(
            () => TurnSpanOf(recorder, message.Id) is not null
                && recorder.MeasurementsOf(BotTelemetry.Turns).Count > 0
                && recorder.MeasurementsOf(BotTelemetry.Replies).Count > 0
                && recorder.Spans.Any(s => s.OperationName == BotTelemetry.ReplySpan),
            "the turn's span, its counters and the reply's span");

        var span = TurnSpanOf(recorder, message.Id)!;
        Assert.Equal(BotTelemetry.SourceName, span.Source.Name);
        Assert.Equal(ActivityTypes.Message, span.GetTagItem(BotTelemetry.Tags.ActivityType));
        Assert.Equal("msteams", span.GetTagItem(BotTelemetry.Tags.Channel));
        Assert.Equal(BotTelemetry.Outcomes.Completed, span.GetTagItem(BotTelemetry.Tags.Outcome));
        Assert.Equal(1, span.GetTagItem(BotTelemetry.Tags.Attempts));
        Assert.Null(span.GetTagItem(BotTelemetry.Tags.InvokeName));
        Assert.Equal(ActivityStatusCode.Unset, span.Status);

        var turn = Assert.Single(recorder.MeasurementsOf(BotTelemetry.Turns));
        Assert.Equal(1, turn.Value);
        Assert.Equal(ActivityTypes.Message, turn.Tag(BotTelemetry.Tags.ActivityType));
        Assert.Equal("msteams", turn.Tag(BotTelemetry.Tags.Channel));
        Assert.Equal(BotTelemetry.Outcomes.Completed, turn.Tag(BotTelemetry.Tags.Outcome));
        Assert.DoesNotContain(BotTelemetry.Tags.ActivityId, turn.Tags.Keys);
        var duration = Assert.Single(recorder.MeasurementsOf(BotTelemetry.TurnDuration));
        Assert.InRange(duration.Value, double.Epsilon, 30);
        Assert.Equal(turn.Tags, duration.Tags);
        var reply = Assert.Single(recorder.MeasurementsOf(BotTelemetry.Replies));
        Assert.Equal("sent", reply.Tag(BotTelemetry.Tags.ReplyResult));
        Assert.Equal("send", reply.Tag(BotTelemetry.Tags.ReplyKind));
        Assert.NotEmpty(recorder.MeasurementsOf(AppTelemetry.DatabaseDuration));

        AssertNowhere(Confidence, recorder);
        foreach (var word in new[] { "Priya", "Ramaswamy", "Lisbon", chat.UserName })
        {
            AssertNowhere(word, recorder);
        }
    }

    [Fact]
    public async Task Resend_IsCountedAsDuplicateTurn_AndNotRunAgain()
    {
        await using var app = await BotApp.StartAsync();
        using var recorder = new TelemetryRecorder(app.Services.GetRequiredService<IMeterFactory>());
        using var chat = app.Chat();
        var message = chat.Message(Confidence);

        await chat.ExchangeAsync(message, 1);
        using var again = await chat.SendAsync(message);
        await recorder.WaitUntilAsync(
            () => recorder.MeasurementsOf(BotTelemetry.Turns).Any(m => m.Tag(BotTelemetry.Tags.Outcome) == BotTelemetry.Outcomes.Duplicate),
            "a duplicate turn counted");

        var outcomes = recorder.MeasurementsOf(BotTelemetry.Turns).Select(m => m.Tag(BotTelemetry.Tags.Outcome)).Order().ToList();
        Assert.Equal([BotTelemetry.Outcomes.Completed, BotTelemetry.Outcomes.Duplicate], outcomes);
        Assert.Single(recorder.Spans, s => s.OperationName == BotTelemetry.TurnSpan && (string?)s.GetTagItem(BotTelemetry.Tags.ActivityId) == message.Id);
    }

    [Fact]
    public async Task ThrottledReply_IsCountedAsA429AndARetry_ThenSent()
    {
        await using var app = await BotApp.StartAsync(new Dictionary<string, string?> { ["Bot:Connector:RetryBaseDelay"] = "00:00:00.050" });
        using var recorder = new TelemetryRecorder(app.Services.GetRequiredService<IMeterFactory>());
        using var chat = app.Chat();
        app.Connector.FailNext(HttpStatusCode.TooManyRequests);

        await chat.ExchangeAsync(chat.Message(Confidence), 1);
        await recorder.WaitUntilAsync(() => recorder.MeasurementsOf(BotTelemetry.Replies).Count > 0, "the reply counted");

        var throttled = Assert.Single(recorder.MeasurementsOf(BotTelemetry.ConnectorThrottled));
        Assert.Equal("SendToConversation", throttled.Tag(BotTelemetry.Tags.Operation));
        var retry = Assert.Single(recorder.MeasurementsOf(BotTelemetry.ConnectorRetries));
        Assert.Equal("SendToConversation", retry.Tag(BotTelemetry.Tags.Operation));
        Assert.Equal("429", retry.Tag(BotTelemetry.Tags.RetryReason));
        Assert.Equal("sent", Assert.Single(recorder.MeasurementsOf(BotTelemetry.Replies)).Tag(BotTelemetry.Tags.ReplyResult));
    }

    [Fact]
    public async Task ScheduledJob_IsCountedWithItsLateness_WhenItFires()
    {
        await using var app = await BotApp.StartAsync();
        using var recorder = new TelemetryRecorder(app.Services.GetRequiredService<IMeterFactory>());
        var scheduler = await app.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();

        await scheduler.TriggerJob(new JobKey(TurnJournalPruner.JobName, SchedulingExtensions.RecurringGroup));
        await recorder.WaitUntilAsync(
            () => recorder.MeasurementsOf(AppTelemetry.SchedulerJobs).Any(m => m.Tag(AppTelemetry.Tags.Job) == nameof(TurnJournalPruner)),
            "the pruner counted as fired");

        var lateness = recorder.MeasurementsOf(AppTelemetry.SchedulerLateness).First(m => m.Tag(AppTelemetry.Tags.Job) == nameof(TurnJournalPruner));
        Assert.InRange(lateness.Value, 0, 60);
    }

    [Fact]
    public async Task BacklogGauges_ReportTheJournal_WhenSomeoneListens()
    {
        await using var app = await BotApp.StartAsync(new Dictionary<string, string?> { ["Bot:Hosting:RecoveryInterval"] = "00:00:00.100" });
        using var recorder = new TelemetryRecorder(app.Services.GetRequiredService<IMeterFactory>());

        // Recovery samples the journal at its interval once the gauges are listened to.
        await recorder.WaitUntilAsync(
            () =>
            {
                recorder.CollectGauges();
                return recorder.MeasurementsOf(BotTelemetry.InboxDepth).Count > 0;
            },
            "an inbox depth sample");

        Assert.Equal(0, recorder.MeasurementsOf(BotTelemetry.InboxDepth)[^1].Value);
        Assert.NotEmpty(recorder.MeasurementsOf(BotTelemetry.OutboxDepth));
        Assert.NotEmpty(recorder.MeasurementsOf(BotTelemetry.InboxAge));
        Assert.NotEmpty(recorder.MeasurementsOf(BotTelemetry.OutboxAge));
    }

    [Fact]
    public async Task OpenTelemetrySdk_IsRegistered_OnlyWhenAnExporterIsConfigured()
    {
        await using (var bare = await BotApp.StartAsync())
        {
            Assert.Null(bare.Services.GetService<TracerProvider>());
        }

        // Nothing listens there: the exporter's failures stay in the background.
        await using var exporting = await BotApp.StartAsync(new Dictionary<string, string?>
        {
            [OperationsExtensions.OtlpEndpointSetting] = $"http://127.0.0.1:{FreePort.Next()}",
        });
        Assert.NotNull(exporting.Services.GetService<TracerProvider>());
    }

    private static Activity? TurnSpanOf(TelemetryRecorder recorder, string? activityId) =>
        recorder.Spans.FirstOrDefault(s => s.OperationName == BotTelemetry.TurnSpan && (string?)s.GetTagItem(BotTelemetry.Tags.ActivityId) == activityId);

    private static void AssertNowhere(string text, TelemetryRecorder recorder)
    {
        foreach (var span in recorder.Spans)
        {
            var parts = new[] { span.OperationName, span.DisplayName, span.StatusDescription }
                .Concat(span.TagObjects.SelectMany(t => new[] { t.Key, t.Value?.ToString() }))
                .Concat(span.Events.SelectMany(e => e.Tags.Select(t => t.Value?.ToString()).Append(e.Name)))
                .Concat(span.Baggage.Select(b => b.Value));
            Assert.DoesNotContain(parts, part => part?.Contains(text, StringComparison.OrdinalIgnoreCase) == true);
        }

        Assert.DoesNotContain(
            recorder.Measurements.SelectMany(m => m.Tags.Select(t => t.Value?.ToString())),
            value => value?.Contains(text, StringComparison.OrdinalIgnoreCase) == true);
    }
}
