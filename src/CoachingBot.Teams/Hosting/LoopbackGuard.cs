using System.Net;
using CoachingBot.Teams.Auth;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CoachingBot.Teams.Hosting;

/// <summary>
/// With no app id configured, inbound tokens are not checked. That is safe only when nothing but this machine can
/// reach the bot, so the host refuses to run when it listens on anything other than loopback.
/// </summary>
public sealed partial class LoopbackGuard : IHostedLifecycleService
{
    private readonly IRequestAuthenticator _authenticator;
    private readonly IServer _server;
    private readonly ILogger<LoopbackGuard> _logger;

    /// <summary>Creates the guard.</summary>
    public LoopbackGuard(IRequestAuthenticator authenticator, IServer server, ILogger<LoopbackGuard> logger)
    {
        _authenticator = authenticator;
        _server = server;
        _logger = logger;
    }

    /// <summary>True when every address is a loopback one (127.0.0.0/8, ::1 or localhost).</summary>
    public static bool AllLoopback(IEnumerable<string> addresses, out string? offending)
    {
        ArgumentNullException.ThrowIfNull(addresses);
        foreach (var address in addresses)
        {
            if (!IsLoopbackAddress(address))
            {
                offending = address;
                return false;
            }
        }

        offending = null;
        return true;
    }

    /// <inheritdoc />
    public Task StartedAsync(CancellationToken cancellationToken)
    {
        if (!_authenticator.IsDisabled)
        {
            return Task.CompletedTask;
        }

        var addresses = _server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        if (!AllLoopback(addresses, out var offending))
        {
            LogRefused(offending);
            throw new InvalidOperationException(
                $"Bot authentication is off (Bot:AppId is not set), so the bot may listen only on loopback, but it listens on {offending}. " +
                "Set Bot:AppId (and its secret or certificate), or listen on http://127.0.0.1:PORT.");
        }

        LogAuthOff(string.Join(", ", addresses));
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static bool IsLoopbackAddress(string address)
    {
        if (!Uri.TryCreate(address.Replace("://*", "://wildcard.invalid", StringComparison.Ordinal).Replace("://+", "://wildcard.invalid", StringComparison.Ordinal), UriKind.Absolute, out var uri))
        {
            return false;
        }

        if (string.Equals(uri.Host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "BOT AUTHENTICATION IS OFF: Bot:AppId is not set, so inbound requests are not verified. This is for local development only; listening on {Addresses}")]
    private partial void LogAuthOff(string addresses);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Refusing to run: authentication is off but the bot listens on {Address}, which is not loopback")]
    private partial void LogRefused(string? address);
}
