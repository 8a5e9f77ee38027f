using System.Net;
using Microsoft.Extensions.Logging;

namespace CoachingBot.Teams.Connector;

/// <summary>The connector's log lines. None carries a body, a token or a message text.</summary>
internal static partial class ConnectorLog
{
    [LoggerMessage(EventId = 1100, Level = LogLevel.Warning,
        Message = "Connector {Operation} attempt {Attempt} ended with {Status}; retrying in {Delay}")]
    public static partial void Retrying(ILogger logger, string operation, int attempt, string status, TimeSpan delay);

    [LoggerMessage(EventId = 1101, Level = LogLevel.Warning,
        Message = "Connector {Operation} ended {Outcome} with status {StatusCode} and error code {ErrorCode}")]
    public static partial void CallFailed(ILogger logger, string operation, ConnectorOutcome outcome, HttpStatusCode? statusCode, string? errorCode);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Warning,
        Message = "Connector {Operation} ended {Outcome} without an answer: {ErrorKind}")]
    public static partial void CallFailedWithoutAnswer(ILogger logger, string operation, ConnectorOutcome outcome, string errorKind, Exception exception);

    [LoggerMessage(EventId = 1103, Level = LogLevel.Warning,
        Message = "Connector {Operation} not sent: {Waiting} calls already wait for a permit in this conversation")]
    public static partial void SendQueueFull(ILogger logger, string operation, int waiting);

    [LoggerMessage(EventId = 1104, Level = LogLevel.Warning,
        Message = "No IAccessTokenProvider is registered: connector calls carry no token, which only a local emulator accepts. Call AddBotAuthentication for Teams.")]
    public static partial void NoTokenProvider(ILogger logger);
}
