using System.Net;
using System.Text.Json;

namespace CoachingBot.Tests.Support;

/// <summary>Asks a bot's <c>/readyz</c> until it gives the status wanted: readiness follows the database and scheduler, which change on their own time.</summary>
public static class Readiness
{
    public const string Path = "/readyz";

    /// <summary>
    /// GETs <see cref="Path"/> until it answers <paramref name="expected"/>, and returns that answer's body; fails
    /// with the last answer after <paramref name="timeout"/> (30 s by default).
    /// </summary>
    public static async Task<JsonElement> WaitForAsync(Uri baseAddress, HttpStatusCode expected, TimeSpan? timeout = null, string path = Path)
    {
        using var client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
        using var deadline = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(30));
        var last = "no answer";
        while (true)
        {
            try
            {
                using var response = await client.GetAsync(new Uri(path, UriKind.Relative), deadline.Token);
                var body = await response.Content.ReadAsStringAsync(deadline.Token);
                if (response.StatusCode == expected)
                {
                    return JsonDocument.Parse(body).RootElement.Clone();
                }

                last = $"{(int)response.StatusCode} {body}";
                // The probe's state changes with the database and the scheduler, not with a request of ours: ask again shortly.
                await Task.Delay(TimeSpan.FromMilliseconds(100), deadline.Token);
            }
            catch (OperationCanceledException) when (deadline.IsCancellationRequested)
            {
                throw new TimeoutException($"{path} did not answer {(int)expected}; last answer: {last}");
            }
        }
    }
}
