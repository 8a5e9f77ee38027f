using Microsoft.Extensions.Options;

namespace CoachingBot.Teams.Connector;

/// <summary>Checks <see cref="ConnectorOptions"/> at start, so a bad setting fails loudly instead of at the first send.</summary>
internal sealed class ConnectorOptionsValidator : IValidateOptions<ConnectorOptions>
{
    private static readonly TimeSpan OneDay = TimeSpan.FromDays(1);
    private static readonly TimeSpan MinimumAttemptTimeout = TimeSpan.FromMilliseconds(10);

    public ValidateOptionsResult Validate(string? name, ConnectorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = Errors(options);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    /// <summary>What is wrong with <paramref name="options"/>, one sentence each; empty when they are usable.</summary>
    public static IReadOnlyList<string> Errors(ConnectorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        if (options.MaxRetryAttempts is < 0 or > 10)
        {
            errors.Add($"{ConnectorOptions.SectionName}:{nameof(ConnectorOptions.MaxRetryAttempts)} must be between 0 and 10 (was {options.MaxRetryAttempts}).");
        }

        if (options.RetryBaseDelay < TimeSpan.Zero || options.RetryBaseDelay > OneDay)
        {
            errors.Add($"{ConnectorOptions.SectionName}:{nameof(ConnectorOptions.RetryBaseDelay)} must be between 0 and 1 day (was {options.RetryBaseDelay}).");
        }

        if (options.MaxRetryAfter < TimeSpan.Zero || options.MaxRetryAfter > OneDay)
        {
            errors.Add($"{ConnectorOptions.SectionName}:{nameof(ConnectorOptions.MaxRetryAfter)} must be between 0 and 1 day (was {options.MaxRetryAfter}).");
        }

        if (options.AttemptTimeout < MinimumAttemptTimeout || options.AttemptTimeout > OneDay)
        {
            errors.Add($"{ConnectorOptions.SectionName}:{nameof(ConnectorOptions.AttemptTimeout)} must be between 10 ms and 1 day (was {options.AttemptTimeout}).");
        }

        if (options.RateLimitQueueLimit < 0)
        {
            errors.Add($"{ConnectorOptions.SectionName}:{nameof(ConnectorOptions.RateLimitQueueLimit)} must not be negative (was {options.RateLimitQueueLimit}).");
        }

        return errors;
    }
}
