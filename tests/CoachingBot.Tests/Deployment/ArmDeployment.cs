using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace CoachingBot.Tests.Deployment;

/// <summary>
/// The template evaluated for one set of parameter values, against a faked Azure: which resources deploy, and the
/// values the web app and the bot end up with, Key Vault references resolved the way App Service resolves them.
/// </summary>
internal sealed partial class ArmDeployment
{
    private readonly ArmTemplate _template;
    private readonly IReadOnlyDictionary<string, object?> _given;
    private readonly Dictionary<string, object?> _variables = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _evaluating = new(StringComparer.OrdinalIgnoreCase);
    private readonly ArmExpressionEvaluator _evaluator;

    public ArmDeployment(ArmTemplate template, IReadOnlyDictionary<string, object?> parameters)
    {
        _template = template;
        _given = new Dictionary<string, object?>(parameters, StringComparer.OrdinalIgnoreCase);
        foreach (var name in _given.Keys)
        {
            if (!template.Parameters.ContainsKey(name))
            {
                throw new ArgumentException($"The template has no parameter '{name}'", nameof(parameters));
            }
        }

        _evaluator = new ArmExpressionEvaluator(Parameter, Variable);
    }

    public object? Evaluate(JsonNode? node) => node switch
    {
        null => null,
        JsonValue value when value.TryGetValue<string>(out var text) => _evaluator.EvaluateValue(text),
        JsonValue value when value.TryGetValue<bool>(out var flag) => flag,
        JsonValue value when value.TryGetValue<long>(out var number) => number,
        _ => throw new NotSupportedException($"Cannot evaluate {node.ToJsonString()}"),
    };

    public string EvaluateString(JsonNode? node) =>
        Evaluate(node) as string ?? throw new InvalidOperationException($"{node?.ToJsonString()} is not a string");

    public bool IsDeployed(JsonObject resource) => resource["condition"] is not { } condition || Evaluate(condition) is true;

    /// <summary>
    /// The app settings as the app sees them. A Key Vault reference to a secret this deployment writes becomes that
    /// secret's value; any other reference stays as its literal text, which is what App Service passes on when it
    /// cannot resolve one.
    /// </summary>
    public IReadOnlyDictionary<string, string> ResolvedAppSettings()
    {
        var secrets = _template.ResourcesOfType(ArmTemplate.SecretType)
            .Where(IsDeployed)
            .ToDictionary(secret => EvaluateString(secret["name"]), secret => EvaluateString(secret["properties"]?["value"]), StringComparer.OrdinalIgnoreCase);

        var settings = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in _template.WebAppSettings)
        {
            var evaluated = _evaluator.EvaluateValue(value) as string
                ?? throw new InvalidOperationException($"App setting {name} does not evaluate to a string");
            var reference = KeyVaultReference().Match(evaluated);
            settings[name] = reference.Success && secrets.TryGetValue($"{reference.Groups["vault"].Value}/{reference.Groups["secret"].Value}", out var secret)
                ? secret
                : evaluated;
        }

        return settings;
    }

    [GeneratedRegex(@"^@Microsoft\.KeyVault\(VaultName=(?<vault>[^;]+);SecretName=(?<secret>[^)]+)\)$")]
    public static partial Regex KeyVaultReference();

    private object? Parameter(string name)
    {
        if (_given.TryGetValue(name, out var value))
        {
            return value;
        }

        var definition = _template.Parameters[name] as JsonObject
            ?? throw new KeyNotFoundException($"parameters('{name}') is not defined");
        return definition.TryGetPropertyValue("defaultValue", out var fallback)
            ? Evaluate(fallback)
            : throw new InvalidOperationException($"Parameter '{name}' has no value and no default");
    }

    private object? Variable(string name)
    {
        if (_variables.TryGetValue(name, out var cached))
        {
            return cached;
        }

        if (!_template.Variables.TryGetPropertyValue(name, out var definition))
        {
            throw new KeyNotFoundException($"variables('{name}') is not defined");
        }

        if (!_evaluating.Add(name))
        {
            throw new InvalidOperationException($"Variable '{name}' refers to itself");
        }

        try
        {
            return _variables[name] = Evaluate(definition);
        }
        finally
        {
            _evaluating.Remove(name);
        }
    }

    public static IReadOnlyDictionary<string, object?> ParametersFrom(JsonObject parametersFile) =>
        (parametersFile["parameters"] as JsonObject ?? []).ToDictionary(
            entry => entry.Key,
            entry => entry.Value?["value"] switch
            {
                JsonValue value when value.GetValueKind() == JsonValueKind.String => (object?)value.GetValue<string>(),
                JsonValue value when value.GetValueKind() is JsonValueKind.True or JsonValueKind.False => value.GetValue<bool>(),
                JsonValue value when value.GetValueKind() == JsonValueKind.Number => value.GetValue<long>(),
                var other => throw new NotSupportedException($"Parameter {entry.Key}: unsupported value {other?.ToJsonString()}"),
            });
}
