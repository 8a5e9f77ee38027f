namespace CoachingBot.Tests.Deployment;

/// <summary>The template deployed for one app type with test values, as the scenario and port tests deploy it.</summary>
internal static class TestDeployments
{
    public const string AppRegistrationId = "3c4d5e6f-0000-4000-8000-0000000000a1";
    public const string BotPassword = "test-only-client-secret";

    public static TheoryData<string> WorkingAppTypes => new() { "SingleTenant", "UserAssignedMSI", "MultiTenant" };

    public static ArmDeployment Deploy(ArmTemplate template, string appType, params (string Name, object? Value)[] extra)
    {
        var parameters = new Dictionary<string, object?>
        {
            ["botName"] = "coachingbot-test",
            ["appType"] = appType,
            ["appId"] = appType == "UserAssignedMSI" ? string.Empty : AppRegistrationId,
            ["botAppPassword"] = appType == "UserAssignedMSI" ? string.Empty : BotPassword,
        };
        foreach (var (name, value) in extra)
        {
            parameters[name] = value;
        }

        return new ArmDeployment(template, parameters);
    }
}
