using CoachingBot.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.EnvironmentVariables;
using Microsoft.Extensions.DependencyInjection;

namespace CoachingBot.Tests.Hosting;

/// <summary>
/// Where the host tells the server to listen, for each way of saying it, read from a server that records the addresses
/// and binds nothing: the loopback default can be checked without taking port 3978.
/// </summary>
public sealed class ListenAddressTests
{
    private static readonly string[] AuthOn = ["--Bot:AppId", "5f0b2a3c-1d2e-4f50-8a9b-0c1d2e3f4a5b", "--Bot:AppPassword", "test-only-not-a-secret"];

    public static TheoryData<string, string[], string[]> Cases => new()
    {
        // Nothing names an address: the local default, in any environment, with or without authentication.
        { "Production", [], ["http://127.0.0.1:3978"] },
        { "Development", [], ["http://127.0.0.1:3978"] },
        { "Production", AuthOn, ["http://127.0.0.1:3978"] },
        // Each source ASP.NET Core reads wins over the default, and they rank among themselves as in any app.
        { "Production", ["--urls", "http://127.0.0.1:5055"], ["http://127.0.0.1:5055"] },
        { "Production", ["--Urls", "http://127.0.0.1:5055;http://[::1]:5055"], ["http://127.0.0.1:5055", "http://[::1]:5055"] },
        { "Production", [.. AuthOn, "--http_ports", "5055"], ["http://*:5055"] },
        { "Production", [.. AuthOn, "--https_ports", "5443"], ["https://*:5443"] },
        { "Production", [.. AuthOn, "--urls", "http://127.0.0.1:5055", "--http_ports", "5056"], ["http://127.0.0.1:5055"] },
        // Kestrel's own endpoints: the host passes no address and Kestrel binds what its section says.
        { "Production", ["--Kestrel:Endpoints:Http:Url", "http://127.0.0.1:5055"], [] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Server_IsToldTheAddresses_ThatConfigurationNames(string environment, string[] arguments, string[] expected)
    {
        using var folder = new TestFolder();
        var server = new RecordingServer();

        await using (var app = BuildApp(environment, [.. arguments, "--Storage:DataFolder", folder.Path], server))
        {
            await app.StartAsync();
            await app.StopAsync();
        }

        Assert.Equal(expected, server.Addresses);
    }

    [Theory]
    [InlineData("urls", "http://127.0.0.1:5055", false)]
    [InlineData("http_ports", "5055", false)]
    [InlineData("https_ports", "5443", false)]
    [InlineData("Kestrel:Endpoints:Http:Url", "http://127.0.0.1:5055", false)]
    [InlineData("urls", "", true)]
    [InlineData("http_ports", " ", true)]
    [InlineData("Kestrel:Limits:MaxConcurrentConnections", "100", true)]
    public void Applies_OnlyWhenNothingNamesAnAddress(string key, string value, bool expected)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([KeyValuePair.Create(key, (string?)value)]).Build();

        Assert.Equal(expected, LocalListenDefault.Applies(configuration));
    }

    // The app's own registration over the app's own appsettings files (the test's output folder holds them) and the
    // given command line. Environment variables are left out, so the machine the tests run on cannot change the answer.
    private static WebApplication BuildApp(string environment, string[] arguments, RecordingServer server)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = arguments,
            EnvironmentName = environment,
            ContentRootPath = AppContext.BaseDirectory,
        });
        var sources = ((IConfigurationBuilder)builder.Configuration).Sources;
        foreach (var source in sources.OfType<EnvironmentVariablesConfigurationSource>().ToList())
        {
            sources.Remove(source);
        }

        builder.AddCoachingBot();
        builder.Services.AddSingleton<IServer>(server);
        var app = builder.Build();
        app.MapCoachingBot();
        return app;
    }

    private sealed class RecordingServer : IServer
    {
        private readonly ServerAddressesFeature _addresses = new();

        public RecordingServer() => Features.Set<IServerAddressesFeature>(_addresses);

        public IFeatureCollection Features { get; } = new FeatureCollection();

        public IReadOnlyList<string> Addresses { get; private set; } = [];

        public Task StartAsync<TContext>(IHttpApplication<TContext> application, CancellationToken cancellationToken)
            where TContext : notnull
        {
            Addresses = [.. _addresses.Addresses];
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public void Dispose()
        {
        }
    }
}
