using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using CoachingBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Quartz;

namespace CoachingBot.Tests.Operations;

/// <summary><c>/readyz</c> against a real database and scheduler, each made to fail and come back.</summary>
public sealed class ReadinessTests
{
    [PostgreSqlFact]
    public async Task Readyz_Answers503WhileTheDatabaseIsUnreachable_And200WhenItIsBack()
    {
        await using var database = await PostgreSqlTestDatabase.CreateAsync();
        await using var line = new TcpForwarder(ServerEndPoint(database.ConnectionString));
        var throughLine = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Host = "127.0.0.1", Port = line.Port }.ConnectionString;
        await using var app = await BotApp.StartAsync(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "PostgreSQL",
            ["Storage:ConnectionString"] = throughLine,
        });

        var ready = await Readiness.WaitForAsync(app.BaseAddress, HttpStatusCode.OK);
        Assert.Equal("ready", ready.GetProperty("status").GetString());

        line.Cut();
        var down = await Readiness.WaitForAsync(app.BaseAddress, HttpStatusCode.ServiceUnavailable);
        Assert.Equal("not ready", down.GetProperty("status").GetString());
        Assert.Contains("database", Failed(down));
        Assert.Contains(down.GetProperty("checks").GetProperty("database").GetString(), new[] { "unreachable", "timed out" });
        var body = down.GetRawText();
        foreach (var secret in new[] { database.Name, "127.0.0.1", line.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "Host=", "Username" })
        {
            Assert.DoesNotContain(secret, body, StringComparison.OrdinalIgnoreCase);
        }

        line.Restore();
        var back = await Readiness.WaitForAsync(app.BaseAddress, HttpStatusCode.OK);
        Assert.Empty(Failed(back));
        Assert.Equal("ok", back.GetProperty("checks").GetProperty("migrations").GetString());
    }

    [Fact]
    public async Task Readyz_Answers503NamingTheScheduler_WhileItIsInStandby()
    {
        await using var app = await BotApp.StartAsync();
        await Readiness.WaitForAsync(app.BaseAddress, HttpStatusCode.OK);
        var scheduler = await app.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();

        await scheduler.Standby();
        var standby = await Readiness.WaitForAsync(app.BaseAddress, HttpStatusCode.ServiceUnavailable);
        await scheduler.Start();
        var running = await Readiness.WaitForAsync(app.BaseAddress, HttpStatusCode.OK);

        Assert.Equal(["scheduler"], Failed(standby));
        Assert.Equal("standby", standby.GetProperty("checks").GetProperty("scheduler").GetString());
        Assert.Equal("ok", standby.GetProperty("checks").GetProperty("database").GetString());
        Assert.Equal("ok", running.GetProperty("checks").GetProperty("scheduler").GetString());
    }

    [Fact]
    public async Task Healthz_StaysOk_WhileNotReady()
    {
        await using var app = await BotApp.StartAsync();
        // Ready first: the host starts the scheduler on its own time, and would undo a standby that came before.
        await Readiness.WaitForAsync(app.BaseAddress, HttpStatusCode.OK);
        var scheduler = await app.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        await scheduler.Standby();

        await Readiness.WaitForAsync(app.BaseAddress, HttpStatusCode.ServiceUnavailable);
        var live = await Readiness.WaitForAsync(app.BaseAddress, HttpStatusCode.OK, path: "/healthz");

        Assert.Equal("ok", live.GetProperty("status").GetString());
    }

    private static List<string?> Failed(JsonElement report) =>
        [.. report.GetProperty("failed").EnumerateArray().Select(e => e.GetString())];

    // The test server is reached over a Unix socket (a Host that is a folder) or TCP.
    private static EndPoint ServerEndPoint(string connectionString)
    {
        var settings = new NpgsqlConnectionStringBuilder(connectionString);
        var host = settings.Host ?? "localhost";
        return host.StartsWith('/')
            ? new UnixDomainSocketEndPoint(Path.Combine(host, $".s.PGSQL.{settings.Port}"))
            : new IPEndPoint(Dns.GetHostAddresses(host).First(), settings.Port);
    }
}
