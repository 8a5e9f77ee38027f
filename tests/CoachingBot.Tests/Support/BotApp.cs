using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace CoachingBot.Tests.Support;

/// <summary>
/// The real bot (the app's own Program) on real Kestrel, on a free loopback port, with its SQLite file in a folder
/// of its own, and a fake Bot Connector beside it.
/// </summary>
public sealed class BotApp : IAsyncDisposable
{
    private readonly Factory _factory;

    private BotApp(Factory factory, FakeConnector connector, TestFolder folder)
    {
        _factory = factory;
        Connector = connector;
        Folder = folder;
    }

    public FakeConnector Connector { get; }

    public TestFolder Folder { get; }

    public Uri BaseAddress { get; private set; } = null!;

    public IServiceProvider Services => _factory.Services;

    public static async Task<BotApp> StartAsync(IReadOnlyDictionary<string, string?>? settings = null)
    {
        var connector = await FakeConnector.StartAsync();
        var folder = new TestFolder();
        var factory = new Factory(folder.Path, settings);
        factory.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        factory.StartServer();
        var address = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new BotApp(factory, connector, folder) { BaseAddress = new Uri(address) };
    }

    /// <summary>A user in a new conversation with the bot.</summary>
    public TeamsChat Chat(ChatKind kind = ChatKind.Personal) => new(new HttpClient { BaseAddress = BaseAddress }, Connector, kind);

    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
        await Connector.DisposeAsync();
        Folder.Dispose();
    }

    private sealed class Factory(string dataFolder, IReadOnlyDictionary<string, string?>? settings) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseSetting("Storage:DataFolder", dataFolder);
            builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(new TestClock()));
            foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            {
                builder.UseSetting(key, value);
            }
        }
    }
}
