using System.Net.Http.Headers;
using System.Text;
using CoachingBot.Teams.Schema;

namespace CoachingBot.Tests.Support;

/// <summary>
/// Posts activities to the bot as Teams does when the bot does not answer: a POST that gets no HTTP answer (connection
/// refused or reset, no answer in time) or a 5xx is sent again, with the same activity id, until the bot answers.
/// Where it is sent is asked anew at each attempt, so a bot that was restarted on another port is found again.
/// </summary>
public sealed class ResendingSender : IDisposable
{
    /// <summary>Teams gives up waiting for the bot's answer after about 15 seconds and sends the activity again.</summary>
    public static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(15);

    // A pause between attempts, as Teams backs off; where the bot is down, the target itself waits for the restart.
    private static readonly TimeSpan RetryPause = TimeSpan.FromMilliseconds(100);

    private readonly HttpClient _http = new(new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(5) }) { Timeout = Timeout.InfiniteTimeSpan };
    private int _resends;

    /// <summary>Attempts that got no answer, or a 5xx, and were made again.</summary>
    public int Resends => Volatile.Read(ref _resends);

    /// <summary>
    /// Sends <paramref name="activity"/> to the bot at the address <paramref name="target"/> gives (it may wait while the
    /// bot is down) until the bot answers with a status below 500, and returns that status.
    /// </summary>
    public async Task<int> PostAsync(Func<CancellationToken, Task<Uri>> target, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        var body = BotJson.Serialize(activity);
        while (true)
        {
            var baseAddress = await target(cancellationToken);
            using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            attempt.CancelAfter(AttemptTimeout);
            try
            {
                using var content = new StringContent(body, Encoding.UTF8);
                content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                using var response = await _http.PostAsync(new Uri(baseAddress, "/api/messages"), content, attempt.Token);
                var status = (int)response.StatusCode;
                if (status < 500)
                {
                    return status;
                }
            }
            catch (HttpRequestException)
            {
                // Refused or reset: the bot is down or died with the request open.
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // No answer in time.
            }

            Interlocked.Increment(ref _resends);
            await Task.Delay(RetryPause, cancellationToken);
        }
    }

    public void Dispose() => _http.Dispose();
}
