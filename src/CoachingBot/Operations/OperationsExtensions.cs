using Azure.Monitor.OpenTelemetry.AspNetCore;
using CoachingBot.Teams.Hosting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OpenTelemetry;
using OpenTelemetry.Instrumentation.AspNetCore;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Quartz;

namespace CoachingBot.Operations;

/// <summary>Metrics, traces and their export; the readiness probe.</summary>
public static class OperationsExtensions
{
    /// <summary>Set to an OTLP endpoint (such as <c>http://localhost:4317</c>) to export traces and metrics there.</summary>
    public const string OtlpEndpointSetting = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>Set to an Application Insights connection string to export traces, metrics and logs to Azure Monitor.</summary>
    public const string AzureMonitorSetting = "APPLICATIONINSIGHTS_CONNECTION_STRING";

    public const string ReadinessPath = "/readyz";
    public const string LivenessPath = "/healthz";

    /// <summary>
    /// The app's instruments (scheduler, database time), and the OpenTelemetry SDK when an exporter is configured
    /// (<see cref="OtlpEndpointSetting"/>, <see cref="AzureMonitorSetting"/>, or both). With neither the SDK is not
    /// registered at all: nothing subscribes to the spans, so a turn creates none, and the meters cost nothing until a
    /// tool such as dotnet-counters attaches.
    /// </summary>
    public static IHostApplicationBuilder AddCoachingOperations(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddMetrics();
        services.TryAddSingleton<AppMetrics>();
        services.TryAddSingleton<DatabaseTimeInterceptor>();
        services.AddSingleton<SchedulerMetricsListener>();
        services.AddQuartz(quartz => quartz.AddTriggerListener<SchedulerMetricsListener>());
        services.AddSingleton<ReadinessProbe>();

        var otlp = !string.IsNullOrWhiteSpace(builder.Configuration[OtlpEndpointSetting]);
        var azureMonitor = !string.IsNullOrWhiteSpace(builder.Configuration[AzureMonitorSetting]);
        if (!otlp && !azureMonitor)
        {
            return builder;
        }

        // Probes every few seconds from the platform are noise, not traffic.
        services.Configure<AspNetCoreTraceInstrumentationOptions>(options => options.Filter = http => !IsProbe(http.Request.Path));
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(builder.Configuration["OTEL_SERVICE_NAME"] is { Length: > 0 } name ? name : "CoachingBot"));
        if (azureMonitor)
        {
            // Brings ASP.NET Core and HttpClient instrumentation with it, and reads the connection string from the setting.
            telemetry.UseAzureMonitor();
        }

        telemetry.WithTracing(tracing =>
        {
            tracing.AddSource(BotTelemetry.SourceName).AddEntityFrameworkCoreInstrumentation();
            if (!azureMonitor)
            {
                tracing.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation();
            }

            if (otlp)
            {
                tracing.AddOtlpExporter();
            }
        });
        telemetry.WithMetrics(metrics =>
        {
            // "Npgsql": the driver's own connection pool and command metrics, when PostgreSQL is used.
            metrics.AddMeter(BotTelemetry.SourceName, AppTelemetry.MeterName, "Npgsql").AddRuntimeInstrumentation();
            if (!azureMonitor)
            {
                metrics.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation();
            }

            if (otlp)
            {
                metrics.AddOtlpExporter();
            }
        });
        return builder;
    }

    /// <summary><c>/readyz</c>: 200 when ready, 503 with the failed checks named. <c>/healthz</c> stays a liveness probe.</summary>
    public static WebApplication MapReadiness(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet(ReadinessPath, async (ReadinessProbe probe, HttpContext http) =>
        {
            var report = await probe.CheckAsync(http.RequestAborted).ConfigureAwait(false);
            http.Response.Headers.CacheControl = "no-store";
            return Results.Json(report, statusCode: report.IsReady ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
        });
        return app;
    }

    private static bool IsProbe(PathString path) =>
        path.StartsWithSegments(LivenessPath, StringComparison.OrdinalIgnoreCase) || path.StartsWithSegments(ReadinessPath, StringComparison.OrdinalIgnoreCase);
}
