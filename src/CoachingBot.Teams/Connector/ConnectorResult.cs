using System.Net;

namespace CoachingBot.Teams.Connector;

/// <summary>How a connector call ended, after retries.</summary>
public enum ConnectorOutcome
{
    /// <summary>The connector accepted the call.</summary>
    Succeeded,
    /// <summary>Still throttled (429) after the retries allowed.</summary>
    Throttled,
    /// <summary>The user removed or blocked the app (403), or the conversation is gone (404 ConversationNotFound or no code): stop sending.</summary>
    RecipientGone,
    /// <summary>Any other failure: a 4xx the call caused, a 5xx after retries, or no answer.</summary>
    Failed,
}

/// <summary>The result of a connector call with no body worth reading.</summary>
public class ConnectorResult
{
    /// <summary>Creates a result.</summary>
    public ConnectorResult(ConnectorOutcome outcome, HttpStatusCode? statusCode = null, string? errorCode = null, string? errorMessage = null)
    {
        Outcome = outcome;
        StatusCode = statusCode;
        ErrorCode = errorCode;
        ErrorMessage = errorMessage;
    }

    /// <summary>How the call ended.</summary>
    public ConnectorOutcome Outcome { get; }
    /// <summary>The last HTTP status, when there was an answer.</summary>
    public HttpStatusCode? StatusCode { get; }
    /// <summary>The connector's error code, such as <c>BotNotInConversationRoster</c> or <c>ConversationNotFound</c>.</summary>
    public string? ErrorCode { get; }
    /// <summary>The connector's error message, or the exception's.</summary>
    public string? ErrorMessage { get; }
    /// <summary>True when <see cref="Outcome"/> is <see cref="ConnectorOutcome.Succeeded"/>.</summary>
    public bool Succeeded => Outcome == ConnectorOutcome.Succeeded;
}

/// <summary>The result of a connector call that returns a body.</summary>
public sealed class ConnectorResult<T> : ConnectorResult where T : class
{
    /// <summary>Creates a result.</summary>
    public ConnectorResult(ConnectorOutcome outcome, T? value, HttpStatusCode? statusCode = null, string? errorCode = null, string? errorMessage = null)
        : base(outcome, statusCode, errorCode, errorMessage) => Value = value;

    /// <summary>The body, on success.</summary>
    public T? Value { get; }
}
