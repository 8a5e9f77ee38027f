using Microsoft.Extensions.Options;

namespace CoachingBot.Care;

internal sealed class CareOptionsValidator : IValidateOptions<CareOptions>
{
    // A line and a number are shown in a chat message: long enough for a name, a number and opening hours, no essay.
    internal const int MaxSupportLineLength = 300;
    internal const int MaxEmergencyNumberLength = 60;

    public ValidateOptionsResult Validate(string? name, CareOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.SupportLine is { Length: > MaxSupportLineLength })
        {
            failures.Add($"Care:SupportLine must be {MaxSupportLineLength} characters or fewer");
        }

        if (!string.IsNullOrWhiteSpace(options.SupportUrl)
            && !(Uri.TryCreate(options.SupportUrl.Trim(), UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp)))
        {
            failures.Add("Care:SupportUrl must be an absolute http or https URL");
        }

        if (options.EmergencyNumber is { Length: > MaxEmergencyNumberLength })
        {
            failures.Add($"Care:EmergencyNumber must be {MaxEmergencyNumberLength} characters or fewer");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
