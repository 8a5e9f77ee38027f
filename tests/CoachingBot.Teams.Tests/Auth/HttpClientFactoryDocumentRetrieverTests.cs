using CoachingBot.Teams.Auth;

namespace CoachingBot.Teams.Tests.Auth;

[Collection(OpenIdServerGroup.Name)]
public sealed class HttpClientFactoryDocumentRetrieverTests(OpenIdServerFixture server)
{
    [Theory]
    [InlineData("http://login.botframework.com/v1/.well-known/openidconfiguration")]
    [InlineData("http://10.0.0.5/keys")]
    [InlineData("ftp://127.0.0.1/keys")]
    public async Task GetDocumentAsync_Refuses_WhenAddressIsPlainHttpAwayFromLoopback(string address)
    {
        var factory = new CountingClientFactory();
        var retriever = new HttpClientFactoryDocumentRetriever(factory, "metadata");

        await Assert.ThrowsAsync<InvalidOperationException>(() => retriever.GetDocumentAsync(address, CancellationToken.None));
        Assert.Equal(0, factory.Created);
    }

    [Fact]
    public async Task GetDocumentAsync_Throws_WhenServerAnswersWithAnError()
    {
        var retriever = new HttpClientFactoryDocumentRetriever(new CountingClientFactory(), "metadata");

        var error = await Assert.ThrowsAsync<IOException>(() => retriever.GetDocumentAsync($"{server.BaseAddress}/no-such-realm/botframework/keys", CancellationToken.None));

        Assert.Contains("404", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetDocumentAsync_UsesTheNamedClient_ForEachFetch()
    {
        var factory = new CountingClientFactory();
        var retriever = new HttpClientFactoryDocumentRetriever(factory, "metadata");

        await retriever.GetDocumentAsync(server.Shared.BotFrameworkMetadataUrl, CancellationToken.None);
        var document = await retriever.GetDocumentAsync(server.Shared.BotFrameworkMetadataUrl, CancellationToken.None);

        Assert.Contains("jwks_uri", document, StringComparison.Ordinal);
        Assert.Equal(2, factory.Created);
        Assert.Equal(["metadata", "metadata"], factory.Names);
    }

    private sealed class CountingClientFactory : IHttpClientFactory
    {
        public List<string> Names { get; } = [];
        public int Created => Names.Count;

        public HttpClient CreateClient(string name)
        {
            Names.Add(name);
            return new HttpClient();
        }
    }
}
