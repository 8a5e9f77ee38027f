using System.Reflection;
using System.Runtime.Versioning;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CoachingBot.Operations;
using CoachingBot.Storage;
using CoachingBot.Teams.Auth;
using CoachingBot.Teams.Hosting;

namespace CoachingBot.Tests.Deployment;

/// <summary>The ARM template and its example parameters, read as written: names, references, settings and secrets.</summary>
public sealed partial class DeploymentTemplateTests
{
    private static readonly string[] SecureTypes = ["securestring", "secureobject"];

    private readonly ArmTemplate _template = ArmTemplate.Load();
    private readonly JsonObject _parametersFile = RepositoryFiles.ReadJsonObject(RepositoryFiles.ParametersPath);

    [Fact]
    public void TemplateFiles_ParseAsArmDocuments()
    {
        Assert.StartsWith("https://schema.management.azure.com/schemas/", (string?)_template.Document["$schema"]);
        Assert.EndsWith("/deploymentTemplate.json#", (string?)_template.Document["$schema"]);
        Assert.EndsWith("/deploymentParameters.json#", (string?)_parametersFile["$schema"]);
        Assert.NotEmpty(_template.Resources);
        Assert.NotEmpty(_template.Parameters);
    }

    [Fact]
    public void Expressions_ReferOnlyToDefinedParametersAndVariables()
    {
        var expressions = _template.Expressions().ToList();
        var undefined = expressions
            .SelectMany(expression => ParameterReference().Matches(expression).Select(match => (Kind: "parameters", match.Groups["name"].Value)))
            .Concat(expressions.SelectMany(expression => VariableReference().Matches(expression).Select(match => (Kind: "variables", match.Groups["name"].Value))))
            .Where(reference => !(reference.Kind == "parameters" ? _template.Parameters : _template.Variables).ContainsKey(reference.Value))
            .Select(reference => $"{reference.Kind}('{reference.Value}')")
            .Distinct()
            .ToList();

        Assert.True(expressions.Count > 20, $"only {expressions.Count} expressions found: the scan is not reading the template");
        Assert.Empty(undefined);
    }

    [Fact]
    public void Expressions_AllParse()
    {
        foreach (var expression in _template.Expressions())
        {
            var exception = Record.Exception(() => new ArmExpressionParser(expression[1..^1]).ParseWhole());
            Assert.True(exception is null, $"{expression}: {exception?.Message}");
        }
    }

    [Fact]
    public void ParametersAndVariables_AreEachUsed()
    {
        var text = string.Join('\n', _template.Expressions());
        var unused = _template.Parameters.Select(parameter => $"parameters('{parameter.Key}')")
            .Concat(_template.Variables.Select(variable => $"variables('{variable.Key}')"))
            .Where(reference => !text.Contains(reference, StringComparison.Ordinal))
            .ToList();

        Assert.Empty(unused);
    }

    [Fact]
    public void ParametersFile_SetsOnlyTemplateParameters_AndEveryOneWithoutADefault()
    {
        var given = (_parametersFile["parameters"] as JsonObject ?? []).Select(parameter => parameter.Key).ToList();
        var required = _template.Parameters.Where(parameter => parameter.Value?["defaultValue"] is null).Select(parameter => parameter.Key);

        Assert.Empty(given.Except(_template.Parameters.Select(parameter => parameter.Key)));
        Assert.Empty(required.Except(given));
    }

    [Fact]
    public void ParametersFile_ValuesFitTheirParameters()
    {
        foreach (var (name, entry) in _parametersFile["parameters"] as JsonObject ?? [])
        {
            var definition = _template.Parameters[name]!;
            var value = entry?["value"];
            Assert.True(value is not null, $"{name} has no value");
            var kind = value.GetValueKind();
            var fits = (string?)definition["type"] switch
            {
                "bool" => kind is JsonValueKind.True or JsonValueKind.False,
                "int" => kind is JsonValueKind.Number,
                "string" or "securestring" => kind is JsonValueKind.String,
                _ => false,
            };
            Assert.True(fits, $"{name}: a {kind} value for a {definition["type"]} parameter");
            if (definition["allowedValues"] is JsonArray allowed)
            {
                Assert.Contains(value.ToJsonString(), allowed.Select(option => option!.ToJsonString()));
            }
        }
    }

    [Fact]
    public void AppSettings_ThatConfigureTheApp_NameBindableOptionProperties()
    {
        var appSettings = _template.WebAppSettings.Where(setting => setting.Name.Contains("__", StringComparison.Ordinal)).ToList();
        var problems = new List<string>();
        foreach (var (name, _) in appSettings)
        {
            if (OptionSections.Resolve(name, out var problem) is null)
            {
                problems.Add(problem);
            }
        }

        Assert.Empty(problems);
        // The settings a deployment cannot do without are there: the bot's identity and where its data goes.
        Assert.Superset(
            new HashSet<string>(["Bot__AppId", "Bot__AppType", "Bot__TenantId", "Bot__AppPassword", "Bot__ManagedIdentityClientId", "Storage__DataFolder", "Storage__Provider"]),
            appSettings.Select(setting => setting.Name).ToHashSet());
    }

    [Fact]
    public void WebApp_ExportsToTheTemplatesApplicationInsights_AndChecksReadiness()
    {
        var insights = Assert.Single(_template.ResourcesOfType("Microsoft.Insights/components"));
        var connection = Assert.Single(_template.WebAppSettings, setting => setting.Name == OperationsExtensions.AzureMonitorSetting);

        Assert.Equal("[variables('appInsightsName')]", (string?)insights["name"]);
        Assert.Equal("[reference(resourceId('Microsoft.Insights/components', variables('appInsightsName')), '2020-02-02').ConnectionString]", connection.Value);
        // The app instruments itself; App Service's agent would stand aside or count everything twice.
        Assert.DoesNotContain(_template.WebAppSettings, setting => setting.Name.StartsWith("ApplicationInsightsAgent_", StringComparison.Ordinal)
            || setting.Name.StartsWith("XDT_MicrosoftApplicationInsights", StringComparison.Ordinal));
        Assert.Equal(OperationsExtensions.ReadinessPath, (string?)_template.WebApp["properties"]?["siteConfig"]?["healthCheckPath"]);
    }

    [Fact]
    public void AppSettings_HaveUniqueNames()
    {
        var names = _template.WebAppSettings.Select(setting => setting.Name).ToList();

        Assert.Equal(names.Count, names.Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [Fact]
    public void AppSettings_ThatHoldSecrets_ComeOnlyFromKeyVault()
    {
        var secretSettings = _template.WebAppSettings.Where(setting => SecretName().IsMatch(setting.Name) && setting.Name.Contains("__", StringComparison.Ordinal)).ToList();

        Assert.NotEmpty(secretSettings);
        foreach (var (name, value) in secretSettings)
        {
            // Either the Key Vault reference or nothing: a parameter's value must never be copied into the setting.
            Assert.Matches(@"^\[if\([^,]+, format\('@Microsoft\.KeyVault\(VaultName=\{0\};SecretName=\{1\}\)', variables\('\w+'\), variables\('\w+'\)\), ''\)\]$", value);
        }
    }

    [Fact]
    public void AppTypeParameter_AllowsOnlyBotAppTypeNames()
    {
        var allowed = (_template.Parameters["appType"]?["allowedValues"] as JsonArray ?? []).Select(value => (string?)value).ToList();
        var compared = _template.Expressions()
            .SelectMany(expression => AppTypeComparison().Matches(expression).Select(match => match.Groups["value"].Value))
            .ToList();

        Assert.Equal(Enum.GetNames<BotAppType>().Order(), allowed.Order());
        Assert.NotEmpty(compared);
        Assert.All(compared, value => Assert.Contains(value, Enum.GetNames<BotAppType>()));
    }

    [Fact]
    public void StorageProviderSetting_UsesOnlyTheProvidersTheAppNames()
    {
        var value = _template.WebAppSettings.Single(setting => setting.Name == "Storage__Provider").Value;
        var withoutNames = VariableReference().Replace(ParameterReference().Replace(value, string.Empty), string.Empty);
        var literals = StringLiteral().Matches(withoutNames).Select(match => match.Groups["text"].Value).ToList();

        Assert.Equal([StorageOptions.PostgreSqlProvider, StorageOptions.SqliteProvider], literals);
    }

    [Fact]
    public void Bot_SendsTeamsMessagesToTheAppsMessagingEndpoint()
    {
        var endpoint = (string?)_template.SingleResource(ArmTemplate.BotType)["properties"]?["endpoint"];
        var channel = _template.SingleResource(ArmTemplate.BotChannelType);

        Assert.NotNull(endpoint);
        Assert.StartsWith("[concat('https://', ", endpoint, StringComparison.Ordinal);
        Assert.EndsWith($"'{BotEndpoint.DefaultPattern}')]", endpoint, StringComparison.Ordinal);
        Assert.EndsWith("/api/messages", BotEndpoint.DefaultPattern, StringComparison.Ordinal);
        Assert.Equal(endpoint, (string?)_template.Outputs["messagingEndpoint"]?["value"]);
        Assert.Equal("MsTeamsChannel", (string?)channel["properties"]?["channelName"]);
        Assert.Equal("azurebot", (string?)_template.SingleResource(ArmTemplate.BotType)["kind"]);
    }

    [Fact]
    public void WebApp_RunsTheAppsDotNetVersionOnLinux_OverHttpsOnly()
    {
        var webApp = _template.WebApp;
        var plan = _template.SingleResource(ArmTemplate.PlanType);
        var siteConfig = webApp["properties"]?["siteConfig"];
        var framework = typeof(Program).Assembly.GetCustomAttribute<TargetFrameworkAttribute>()?.FrameworkName;
        var version = new FrameworkName(framework ?? throw new InvalidOperationException("the app has no TargetFramework attribute")).Version;

        Assert.Equal($"DOTNETCORE|{version.Major}.{version.Minor}", (string?)siteConfig?["linuxFxVersion"]);
        Assert.Equal("linux", (string?)plan["kind"]);
        Assert.Equal(true, (bool?)plan["properties"]?["reserved"]);
        Assert.Contains("linux", (string?)webApp["kind"], StringComparison.Ordinal);
        Assert.Equal(true, (bool?)webApp["properties"]?["httpsOnly"]);
        Assert.Equal(true, (bool?)siteConfig?["alwaysOn"]);
        Assert.Equal("1.2", (string?)siteConfig?["minTlsVersion"]);
        Assert.Equal("Disabled", (string?)siteConfig?["ftpsState"]);
    }

    [Fact]
    public void WebApp_StartsTheAppsOwnAssembly()
    {
        var command = (string?)_template.WebApp["properties"]?["siteConfig"]?["appCommandLine"];

        Assert.Equal($"dotnet {typeof(Program).Assembly.GetName().Name}.dll", command);
    }

    [Fact]
    public void WebApp_LeavesTheListeningAddressToAppService()
    {
        // App Service on Linux names the port in PORT, and its .NET startup script exports ASPNETCORE_URLS from it. A
        // setting of our own would fight that (Urls in the app's configuration outranks ASPNETCORE_URLS) or change
        // where the platform sends requests (WEBSITES_PORT, meant for custom containers), so the template sets none.
        string[] addressSettings = ["URLS", "ASPNETCORE_URLS", "DOTNET_URLS", "HTTP_PORTS", "ASPNETCORE_HTTP_PORTS", "DOTNET_HTTP_PORTS",
            "HTTPS_PORTS", "ASPNETCORE_HTTPS_PORTS", "DOTNET_HTTPS_PORTS", "PORT", "WEBSITES_PORT"];

        var offending = _template.WebAppSettings
            .Select(setting => setting.Name)
            .Where(name => addressSettings.Contains(name, StringComparer.OrdinalIgnoreCase)
                || name.StartsWith("Kestrel__Endpoints", StringComparison.OrdinalIgnoreCase))
            .ToList();

        Assert.Empty(offending);
        Assert.DoesNotContain("urls", (string?)_template.WebApp["properties"]?["siteConfig"]?["appCommandLine"], StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Parameters_HoldNoSecretDefaults()
    {
        var problems = new List<string>();
        foreach (var (name, definition) in _template.Parameters)
        {
            var type = (string?)definition?["type"];
            var fallback = definition?["defaultValue"];
            if (SecretName().IsMatch(name) && !SecureTypes.Contains(type))
            {
                problems.Add($"{name} looks like a secret but is a {type}, so its value would show in the deployment history");
            }

            if (SecureTypes.Contains(type) && fallback is not null && fallback.ToJsonString() is not "\"\"" and not "{}")
            {
                problems.Add($"{name} is secure but has a default value");
            }

            if (fallback is JsonValue value && value.TryGetValue<string>(out var text) && LooksLikeSecret(text))
            {
                problems.Add($"{name}'s default looks like a secret");
            }
        }

        foreach (var (name, entry) in _parametersFile["parameters"] as JsonObject ?? [])
        {
            if (SecureTypes.Contains((string?)_template.Parameters[name]?["type"]) && entry?["reference"] is null)
            {
                problems.Add($"the parameters file gives secure parameter {name} a value; pass it at deployment or as a Key Vault reference");
            }

            if (entry?["value"] is JsonValue value && value.TryGetValue<string>(out var text) && LooksLikeSecret(text))
            {
                problems.Add($"the parameters file's {name} looks like a secret");
            }
        }

        Assert.Empty(problems);
    }

    [Theory]
    [InlineData("Password=hunter2;Host=db", true)]
    [InlineData("Server=tcp:db;User ID=sa;Pwd=hunter2", true)]
    [InlineData("InstrumentationKey=3f1c0d2e-4b5a-4c6d-8e7f-0123456789ab", true)]
    [InlineData("DefaultEndpointsProtocol=https;AccountName=x;AccountKey=abc", true)]
    [InlineData("-----BEGIN PRIVATE KEY-----", true)]
    [InlineData("Xy8Q~s3cr3tV4lueThatIsLongEnough12345678", true)] // an Entra client secret's shape
    [InlineData("dGhpcyBpcyBhIGJhc2U2NCBzZWNyZXQgdmFsdWUgaGVyZQ==", true)]
    [InlineData("", false)]
    [InlineData("coachingbot", false)]
    [InlineData("/home/data", false)]
    [InlineData("SingleTenant", false)]
    [InlineData("Standard_B1ms", false)]
    [InlineData("REPLACE-WITH-THE-APP-REGISTRATION-CLIENT-ID", false)]
    [InlineData("[format('{0}-{1}', parameters('botName'), uniqueString(resourceGroup().id, parameters('botName')))]", false)]
    public void LooksLikeSecret_TellsSecretsFromOrdinaryValues(string value, bool expected) =>
        Assert.Equal(expected, LooksLikeSecret(value));

    [Theory]
    [InlineData("Bot__AppId", typeof(BotOptions), nameof(BotOptions.AppId))]
    [InlineData("bot__apptype", typeof(BotOptions), nameof(BotOptions.AppType))]
    [InlineData("Bot__Connector__MaxRetryAttempts", typeof(CoachingBot.Teams.Connector.ConnectorOptions), "MaxRetryAttempts")]
    [InlineData("Bot__Hosting__DrainTimeout", typeof(BotHostingOptions), nameof(BotHostingOptions.DrainTimeout))]
    [InlineData("Storage__DataFolder", typeof(StorageOptions), nameof(StorageOptions.DataFolder))]
    public void OptionSections_Resolve_FindsTheBoundProperty(string setting, Type options, string property)
    {
        var resolved = OptionSections.Resolve(setting, out var problem);

        Assert.True(resolved.HasValue, problem);
        Assert.Equal(options, resolved.Value.Options);
        Assert.Equal(property, resolved.Value.Property.Name);
    }

    [Theory]
    [InlineData("Bot__AppPasword", "BotOptions has no public property 'AppPasword'")]
    [InlineData("Bot__Connector__MaxRetries", "ConnectorOptions has no public property 'MaxRetries'")]
    [InlineData("Bot__AuthDisabled", "BotOptions.AuthDisabled has no public setter")]
    [InlineData("Bot__AppId__Length", "String.Length has no public setter")]
    [InlineData("Storage__Folder", "StorageOptions has no public property 'Folder'")]
    [InlineData("Logging__LogLevel__Default", "no options class is bound from a section")]
    public void OptionSections_Resolve_ExplainsWhyNothingBinds(string setting, string expected)
    {
        var resolved = OptionSections.Resolve(setting, out var problem);

        Assert.Null(resolved);
        Assert.Contains(expected, problem, StringComparison.Ordinal);
    }

    private static bool LooksLikeSecret(string value) =>
        !ArmExpressionEvaluator.IsExpression(value) && (SecretInText().IsMatch(value) || RandomToken().IsMatch(value));

    [GeneratedRegex(@"\bparameters\(\s*'(?<name>[^']*)'\s*\)")]
    private static partial Regex ParameterReference();

    [GeneratedRegex(@"\bvariables\(\s*'(?<name>[^']*)'\s*\)")]
    private static partial Regex VariableReference();

    [GeneratedRegex(@"equals\(parameters\('appType'\),\s*'(?<value>[^']*)'\)")]
    private static partial Regex AppTypeComparison();

    [GeneratedRegex(@"'(?<text>[^']*)'")]
    private static partial Regex StringLiteral();

    [GeneratedRegex("(password|secret|connectionstring|apikey|accountkey|token|credential)", RegexOptions.IgnoreCase)]
    private static partial Regex SecretName();

    [GeneratedRegex(@"(password|pwd|secret|accountkey|sharedaccesskey|instrumentationkey)\s*=|-----BEGIN", RegexOptions.IgnoreCase)]
    private static partial Regex SecretInText();

    // Long runs of mixed letters and digits with no word breaks: keys, client secrets, base64 blobs.
    [GeneratedRegex(@"^(?=.*[0-9])(?=.*[a-z])(?=.*[A-Z])[A-Za-z0-9+/=_~.\-]{32,}$")]
    private static partial Regex RandomToken();
}
