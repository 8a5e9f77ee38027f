using Microsoft.IdentityModel.Protocols;

namespace CoachingBot.Teams.Auth;

/// <summary>
/// Fetches OpenID metadata and key sets with a fresh client from <see cref="IHttpClientFactory"/> each time, so a
/// long-lived configuration manager does not pin one connection handler (and its DNS answers) forever.
/// </summary>
internal sealed class HttpClientFactoryDocumentRetriever(IHttpClientFactory clientFactory, string clientName) : IDocumentRetriever
{
    public async Task<string> GetDocumentAsync(string address, CancellationToken cancel)
    {
        if (!Uri.TryCreate(address, UriKind.Absolute, out var uri))
        {
            throw new ArgumentException($"'{address}' is not an absolute URL.", nameof(address));
        }

        // Keys fetched over plain http could be swapped in transit; only a loopback test server is exempt.
        if (uri.Scheme != Uri.UriSchemeHttps && !(uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback))
        {
            throw new InvalidOperationException($"Refusing to fetch signing metadata over {uri.Scheme}: {uri.GetLeftPart(UriPartial.Path)}");
        }

        var client = clientFactory.CreateClient(clientName);
        using var response = await client.GetAsync(uri, cancel).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new IOException($"GET {uri.GetLeftPart(UriPartial.Path)} answered {(int)response.StatusCode}.");
        }

        return await response.Content.ReadAsStringAsync(cancel).ConfigureAwait(false);
    }
}
