using System.Globalization;
using System.Reflection;
using CoachingBot.Storage;
using CoachingBot.Teams.Auth;
using CoachingBot.Teams.Connector;
using CoachingBot.Teams.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CoachingBot.Tests.Deployment;

/// <summary>
/// The template evaluated for each way of deploying it, its app settings fed to the app's real registration and
/// validators: a deployment that the app would refuse to start with shows up here, not in Azure.
/// </summary>
public sealed class DeploymentScenarioTests
{
    private const string AppRegistrationId = TestDeployments.AppRegistrationId;
    private const string BotPassword = TestDeployments.BotPassword;

    private readonly ArmTemplate _template = ArmTemplate.Load();

    public static TheoryData<string> WorkingAppTypes => TestDeployments.WorkingAppTypes;

    [Theory]
    [MemberData(nameof(WorkingAppTypes))]
    public void AppSettings_PassTheAppsValidation_ForEachAppType(string appType)
    {
        var deployment = Deploy(appType);
        var settings = deployment.ResolvedAppSettings();

        using var services = AppServices(settings);
        var bot = services.GetRequiredService<IOptions<BotOptions>>().Value;
        var storage = services.GetRequiredService<IOptions<StorageOptions>>().Value;
        _ = services.GetRequiredService<IOptions<ConnectorOptions>>().Value;

        Assert.Equal(Enum.Parse<BotAppType>(appType), bot.AppType);
        Assert.False(bot.AuthDisabled);
        Assert.Equal(StorageOptions.SqliteProvider, storage.Provider);
        Assert.Equal("/home/data", storage.DataFolder);
        Assert.True(string.IsNullOrEmpty(storage.ConnectionString), "SQLite on the data folder needs no connection string");
    }

    [Fact]
    public void AppSettings_CarryTheClientSecretFromKeyVault_WhenSingleTenant()
    {
        var settings = Deploy("SingleTenant").ResolvedAppSettings();

        using var services = AppServices(settings);
        var bot = services.GetRequiredService<IOptions<BotOptions>>().Value;

        Assert.Equal(AppRegistrationId, bot.AppId);
        Assert.Equal(BotPassword, bot.AppPassword);
        Assert.Equal(ArmExpressionEvaluator.TenantId, bot.TenantId);
        Assert.True(string.IsNullOrEmpty(bot.ManagedIdentityClientId));
    }

    [Fact]
    public void AppSettings_UseTheTemplatesIdentityAndNoSecret_WhenUserAssignedMsi()
    {
        var deployment = Deploy("UserAssignedMSI");
        var settings = deployment.ResolvedAppSettings();
        var identityClientId = ArmExpressionEvaluator.DeterministicGuid("clientId", IdentityId());

        using var services = AppServices(settings);
        var bot = services.GetRequiredService<IOptions<BotOptions>>().Value;

        Assert.Equal(identityClientId, bot.AppId);
        Assert.Equal(identityClientId, bot.ManagedIdentityClientId);
        Assert.True(string.IsNullOrEmpty(bot.AppPassword));
        Assert.DoesNotContain(_template.ResourcesOfType(ArmTemplate.SecretType), deployment.IsDeployed);
    }

    [Fact]
    public void AppSettings_LeaveTheTenantOut_WhenMultiTenant()
    {
        using var services = AppServices(Deploy("MultiTenant").ResolvedAppSettings());

        Assert.True(string.IsNullOrEmpty(services.GetRequiredService<IOptions<BotOptions>>().Value.TenantId));
    }

    [Fact]
    public void App_RefusesToStartAndNamesTheSetting_WhenSingleTenantIsDeployedWithoutASecret()
    {
        var deployment = new ArmDeployment(_template, new Dictionary<string, object?>
        {
            ["botName"] = "coachingbot-test",
            ["appType"] = "SingleTenant",
            ["appId"] = AppRegistrationId,
        });

        using var services = AppServices(deployment.ResolvedAppSettings());
        var failure = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<BotOptions>>().Value);

        Assert.Contains("Bot:AppPassword", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void App_AcceptsThePostgreSqlSettings_WhenUsePostgres()
    {
        var deployment = Deploy("SingleTenant", ("usePostgres", true), ("postgresAdminPassword", "test-only-db-password"));
        var settings = deployment.ResolvedAppSettings();

        using var services = AppServices(settings);
        var storage = services.GetRequiredService<IOptions<StorageOptions>>().Value;

        Assert.Equal(StorageOptions.PostgreSqlProvider, storage.Provider);
        Assert.Equal(settings["Storage__ConnectionString"], storage.ConnectionString);
        Assert.StartsWith("Host=coachingbot-test-pg-", settings["Storage__ConnectionString"], StringComparison.Ordinal);
        Assert.Contains(".postgres.database.azure.com;Port=5432;Database=coachingbot;", settings["Storage__ConnectionString"], StringComparison.Ordinal);
        Assert.EndsWith(";Password=test-only-db-password;SSL Mode=VerifyFull", settings["Storage__ConnectionString"], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false, 0)]
    [InlineData(true, 3)]
    public void PostgreSqlResources_DeployOnlyWhenAskedFor(bool usePostgres, int expected)
    {
        var deployment = Deploy("SingleTenant", ("usePostgres", usePostgres), ("postgresAdminPassword", "test-only-db-password"));

        var deployed = _template.Resources
            .Where(resource => ((string?)resource["type"])!.StartsWith("Microsoft.DBforPostgreSQL/", StringComparison.Ordinal))
            .Count(deployment.IsDeployed);

        Assert.Equal(expected, deployed);
    }

    [Theory]
    [MemberData(nameof(WorkingAppTypes))]
    public void Bot_IsRegisteredWithTheIdentityTheAppUses(string appType)
    {
        var deployment = Deploy(appType);
        var settings = deployment.ResolvedAppSettings();
        var bot = _template.SingleResource(ArmTemplate.BotType)["properties"]!;

        Assert.Equal(settings["Bot__AppId"], deployment.EvaluateString(bot["msaAppId"]));
        Assert.Equal(settings["Bot__AppType"], deployment.EvaluateString(bot["msaAppType"]));
        Assert.Equal(settings["Bot__TenantId"], deployment.EvaluateString(bot["msaAppTenantId"]));
        Assert.Equal(appType == "UserAssignedMSI" ? IdentityId() : string.Empty, deployment.EvaluateString(bot["msaAppMSIResourceId"]));
        Assert.Equal(settings["Bot__AppId"], deployment.EvaluateString(_template.Outputs["botAppId"]?["value"]));
    }

    [Fact]
    public void Bot_PostsToTheWebAppsMessagingEndpoint()
    {
        var deployment = Deploy("SingleTenant");
        var webAppName = deployment.EvaluateString(_template.WebApp["name"]);

        var endpoint = deployment.EvaluateString(_template.SingleResource(ArmTemplate.BotType)["properties"]?["endpoint"]);

        Assert.Matches("^coachingbot-test-u[0-9a-f]{12}$", webAppName);
        Assert.Equal($"https://{webAppName}.azurewebsites.net{BotEndpoint.DefaultPattern}", endpoint);
    }

    [Fact]
    public void Template_EvaluatesThroughout_WithTheExampleParameters()
    {
        var parameters = ArmDeployment.ParametersFrom(RepositoryFiles.ReadJsonObject(RepositoryFiles.ParametersPath));
        var deployment = new ArmDeployment(_template, parameters);

        var deployed = _template.Resources.Where(deployment.IsDeployed).Select(resource => deployment.EvaluateString(resource["name"])).ToList();
        var settings = deployment.ResolvedAppSettings();
        var outputs = _template.Outputs.Select(output => deployment.Evaluate(output.Value?["value"])).ToList();

        Assert.Contains("coachingbot-contoso", deployed);
        Assert.Contains("coachingbot-contoso/MsTeamsChannel", deployed);
        Assert.Equal("REPLACE-WITH-THE-APP-REGISTRATION-CLIENT-ID", settings["Bot__AppId"]);
        Assert.All(outputs, output => Assert.IsType<string>(output));
    }

    [Theory]
    [InlineData("Microsoft.Web/sites", 60)]
    [InlineData("Microsoft.DBforPostgreSQL/flexibleServers", 63)]
    [InlineData("Microsoft.KeyVault/vaults", 24)]
    [InlineData("Microsoft.ManagedIdentity/userAssignedIdentities", 128)]
    [InlineData("Microsoft.Web/serverfarms", 60)]
    public void DerivedNames_FitAzuresLimits_AtTheLongestBotName(string type, int limit)
    {
        var longest = (int)_template.Parameters["botName"]!["maxLength"]!;
        var deployment = Deploy("SingleTenant", ("botName", "b" + new string('x', longest - 1)));

        var name = deployment.EvaluateString(_template.SingleResource(type)["name"]);

        Assert.InRange(name.Length, 3, limit);
    }

    [Fact]
    public void AppSettings_ReachTheirOptionsThroughTheAppsOwnRegistration()
    {
        // Each configuring setting gets a value unlike its default; binding through AddCoachingBot must deliver it to
        // the property the setting names, which proves the section names in OptionSections match the app's.
        var probes = new Dictionary<string, (PropertyInfo Property, object Value, string Text)>();
        foreach (var (name, _) in _template.WebAppSettings.Where(setting => setting.Name.Contains("__", StringComparison.Ordinal)))
        {
            var resolved = OptionSections.Resolve(name, out var problem) ?? throw new InvalidOperationException(problem);
            var (value, text) = Probe(resolved.Options, resolved.Property);
            probes[name] = (resolved.Property, value, text);
        }

        using var services = AppServices(probes.ToDictionary(probe => probe.Key, probe => probe.Value.Text));

        Assert.NotEmpty(probes);
        foreach (var (name, probe) in probes)
        {
            var options = ConfiguredWithoutValidation(services, probe.Property.DeclaringType!);
            Assert.True(Equals(probe.Value, probe.Property.GetValue(options)), $"{name} did not reach {probe.Property.DeclaringType!.Name}.{probe.Property.Name}");
        }
    }

    private ArmDeployment Deploy(string appType, params (string Name, object? Value)[] extra) =>
        TestDeployments.Deploy(_template, appType, extra);

    private static string IdentityId() =>
        $"/subscriptions/{ArmExpressionEvaluator.SubscriptionId}/resourceGroups/{ArmExpressionEvaluator.ResourceGroupName}"
        + "/providers/Microsoft.ManagedIdentity/userAssignedIdentities/coachingbot-test-identity";

    // The app's registration over the given app settings, read the way App Service hands them over: as environment
    // variables, where "__" separates sections. No other configuration source, so the machine's own cannot interfere.
    private static ServiceProvider AppServices(IReadOnlyDictionary<string, string> appSettings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings
        {
            EnvironmentName = Environments.Production,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Configuration.AddInMemoryCollection(
            appSettings.Select(setting => KeyValuePair.Create(OptionSections.ConfigurationKey(setting.Key), (string?)setting.Value)));
        builder.AddCoachingBot();
        return builder.Services.BuildServiceProvider();
    }

    // Runs the registered binding (IConfigureOptions) but not the validators, so a probe value need not be valid.
    private static object ConfiguredWithoutValidation(IServiceProvider services, Type optionsType)
    {
        var options = Activator.CreateInstance(optionsType)!;
        var configureType = typeof(IConfigureOptions<>).MakeGenericType(optionsType);
        var configure = configureType.GetMethod(nameof(IConfigureOptions<object>.Configure))!;
        foreach (var step in services.GetServices(configureType))
        {
            configure.Invoke(step, [options]);
        }

        return options;
    }

    private static (object Value, string Text) Probe(Type optionsType, PropertyInfo property)
    {
        var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
        var current = property.GetValue(Activator.CreateInstance(optionsType));
        if (type == typeof(string))
        {
            var text = $"probe-{property.Name}";
            return (text, text);
        }

        if (type.IsEnum)
        {
            var other = Enum.GetValues(type).Cast<object>().Last(value => !value.Equals(current));
            return (other, other.ToString()!);
        }

        if (type == typeof(int))
        {
            var other = (int)(current ?? 0) + 7;
            return (other, other.ToString(CultureInfo.InvariantCulture));
        }

        if (type == typeof(bool))
        {
            var other = !(bool)(current ?? false);
            return (other, other.ToString(CultureInfo.InvariantCulture));
        }

        if (type == typeof(TimeSpan))
        {
            var other = (TimeSpan)(current ?? TimeSpan.Zero) + TimeSpan.FromSeconds(7);
            return (other, other.ToString("c", CultureInfo.InvariantCulture));
        }

        throw new NotSupportedException($"No probe value for {type.Name}; add one");
    }
}
