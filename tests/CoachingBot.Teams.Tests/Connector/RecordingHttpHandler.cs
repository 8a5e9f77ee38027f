using System.Net;
using System.Text;

namespace CoachingBot.Teams.Tests.Connector;

/// <summary>What the client put on the wire for one attempt.</summary>
public sealed record RecordedRequest(
    HttpMethod Method,
    Uri Uri,
    string? Authorization,
    string? UserAgent,
    string? ContentType,
    long? ContentLength,
    bool Chunked,
    string? Body);

/// <summary>
/// A fake connector behind <see cref="HttpClient"/>: answers each request with the next queued answer (then with
/// <see cref="Otherwise"/>, if set) and records every request.
/// </summary>
public sealed class RecordingHttpHandler : HttpMessageHandler
{
    private readonly Lock _lock = new();
    private readonly Queue<Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>>> _answers = new();
    private readonly List<RecordedRequest> _requests = [];

    /// <summary>The answer once the queue is empty; null makes an unexpected request fail the test.</summary>
    public Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>>? Otherwise { get; set; }

    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_lock)
            {
                return [.. _requests];
            }
        }
    }

    public RecordingHttpHandler Then(Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> answer)
    {
        lock (_lock)
        {
            _answers.Enqueue(answer);
        }

        return this;
    }

    public RecordingHttpHandler Then(HttpStatusCode status, string? body = null, Action<HttpResponseMessage>? configure = null) =>
        Then((_, _) => Task.FromResult(Answer(status, body, configure)));

    public RecordingHttpHandler ThenThrow(Exception exception) =>
        Then((_, _) => Task.FromException<HttpResponseMessage>(exception));

    public RecordingHttpHandler Always(HttpStatusCode status, string? body = null, Action<HttpResponseMessage>? configure = null)
    {
        Otherwise = (_, _) => Task.FromResult(Answer(status, body, configure));
        return this;
    }

    public static HttpResponseMessage Answer(HttpStatusCode status, string? body = null, Action<HttpResponseMessage>? configure = null)
    {
        var response = new HttpResponseMessage(status);
        if (body is not null)
        {
            response.Content = new StringContent(body, Encoding.UTF8, body.StartsWith('{') ? "application/json" : "text/plain");
        }

        configure?.Invoke(response);
        return response;
    }

    public static string Error(string code, string message = "details") =>
        $$$"""{"error":{"code":"{{{code}}}","message":"{{{message}}}"}}""";

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>>? answer;
        lock (_lock)
        {
            _requests.Add(new RecordedRequest(
                request.Method,
                request.RequestUri!,
                request.Headers.Authorization?.ToString(),
                request.Headers.UserAgent.ToString(),
                request.Content?.Headers.ContentType?.ToString(),
                request.Content?.Headers.ContentLength,
                request.Headers.TransferEncodingChunked == true,
                body));
            answer = _answers.TryDequeue(out var next) ? next : Otherwise;
        }

        if (answer is null)
        {
            throw new InvalidOperationException($"The fake connector has no answer for {request.Method} {request.RequestUri}.");
        }

        var response = await answer(request, cancellationToken);
        response.RequestMessage = request;
        return response;
    }
}
