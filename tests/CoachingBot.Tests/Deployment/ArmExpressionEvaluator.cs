using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace CoachingBot.Tests.Deployment;

/// <summary>
/// Evaluates the subset of ARM template expressions the deployment template uses, so tests can see the values a
/// deployment would produce. Azure itself is faked: resource ids, host names and identity client ids are
/// deterministic stand-ins. An unknown function fails loudly rather than guessing.
/// </summary>
internal sealed class ArmExpressionEvaluator(Func<string, object?> parameter, Func<string, object?> variable)
{
    public const string SubscriptionId = "0b1c2d3e-0000-4000-8000-00000000000a";
    public const string TenantId = "0b1c2d3e-0000-4000-8000-00000000000b";
    public const string ResourceGroupName = "rg-coachingbot";
    public const string Location = "westeurope";

    private static readonly string ResourceGroupId = $"/subscriptions/{SubscriptionId}/resourceGroups/{ResourceGroupName}";

    /// <summary>A template value: "[...]" is an expression, "[[..." a literal that starts with '[', anything else a literal.</summary>
    public object? EvaluateValue(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (!IsExpression(value))
        {
            return value.StartsWith("[[", StringComparison.Ordinal) ? value[1..] : value;
        }

        return Evaluate(value[1..^1]);
    }

    public static bool IsExpression(string value) =>
        value.Length >= 2 && value[0] == '[' && value[^1] == ']' && !value.StartsWith("[[", StringComparison.Ordinal);

    public object? Evaluate(string expression) => Evaluate(new ArmExpressionParser(expression).ParseWhole());

    /// <summary>A stand-in GUID that is the same for the same inputs, as ARM's guid() is.</summary>
    public static string DeterministicGuid(params string[] parts) =>
        new Guid(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', parts))).AsSpan(0, 16)).ToString();

    private object? Evaluate(ArmNode node) => node switch
    {
        ArmLiteral literal => literal.Value,
        ArmMember member => Member(Evaluate(member.Target), member.Name),
        ArmIndex index => Member(Evaluate(index.Target), AsString(Evaluate(index.Key))),
        ArmCall call => Call(call),
        _ => throw new NotSupportedException($"Unknown expression node {node.GetType().Name}"),
    };

    private object? Call(ArmCall call)
    {
        var name = call.Name.ToLowerInvariant();
        if (name == "if")
        {
            // ARM evaluates only the branch the condition picks: a reference() in the other branch is never resolved.
            Require(call, 3);
            return AsBool(Evaluate(call.Arguments[0])) ? Evaluate(call.Arguments[1]) : Evaluate(call.Arguments[2]);
        }

        var args = call.Arguments.Select(Evaluate).ToArray();
        return name switch
        {
            "parameters" => parameter(AsString(Single(call, args))),
            "variables" => variable(AsString(Single(call, args))),
            "equals" => Same(Pair(call, args)),
            "and" => args.All(AsBool),
            "or" => args.Any(AsBool),
            "not" => !AsBool(Single(call, args)),
            "empty" => Single(call, args) switch
            {
                null => true,
                string text => text.Length == 0,
                IReadOnlyDictionary<string, object?> map => map.Count == 0,
                _ => false,
            },
            "format" => string.Format(CultureInfo.InvariantCulture, AsString(args[0]), args[1..].Select(Text).ToArray()),
            "concat" => string.Concat(args.Select(Text)),
            "tolower" => AsString(Single(call, args)).ToLowerInvariant(),
            "toupper" => AsString(Single(call, args)).ToUpperInvariant(),
            "uniquestring" => "u" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', args.Select(Text)))))[..12],
            "guid" => DeterministicGuid(args.Select(Text).ToArray()),
            "resourcegroup" => Map(("id", ResourceGroupId), ("name", ResourceGroupName), ("location", Location)),
            "subscription" => Map(("id", $"/subscriptions/{SubscriptionId}"), ("subscriptionId", SubscriptionId), ("tenantId", TenantId)),
            "resourceid" => ResourceId(ResourceGroupId, args.Select(AsString).ToArray()),
            "subscriptionresourceid" => ResourceId($"/subscriptions/{SubscriptionId}", args.Select(AsString).ToArray()),
            "extensionresourceid" => ResourceId(AsString(args[0]), args[1..].Select(AsString).ToArray()),
            "reference" => Reference(AsString(args[0])),
            _ => throw new NotSupportedException($"The ARM function '{call.Name}' is not known to this test's evaluator; add it."),
        };
    }

    // What reference() returns for the resources this template reads, faked from the resource id.
    private static Dictionary<string, object?> Reference(string resourceId)
    {
        var name = resourceId[(resourceId.LastIndexOf('/') + 1)..];
        return Map(
            ("clientId", DeterministicGuid("clientId", resourceId)),
            ("principalId", DeterministicGuid("principalId", resourceId)),
            ("defaultHostName", $"{name}.azurewebsites.net"),
            ("fullyQualifiedDomainName", $"{name}.postgres.database.azure.com"),
            ("ConnectionString", $"InstrumentationKey={DeterministicGuid("ikey", resourceId)};IngestionEndpoint=https://{Location}.in.applicationinsights.azure.com/"));
    }

    private static string ResourceId(string scope, string[] args)
    {
        if (args.Length < 2)
        {
            throw new ArgumentException("resourceId needs a type and a name");
        }

        var typeSegments = args[0].Split('/');
        var names = args[1..];
        if (typeSegments.Length != names.Length + 1)
        {
            throw new ArgumentException($"resourceId: type {args[0]} needs {typeSegments.Length - 1} names, got {names.Length}");
        }

        var id = new StringBuilder(scope).Append("/providers/").Append(typeSegments[0]);
        for (var i = 0; i < names.Length; i++)
        {
            id.Append('/').Append(typeSegments[i + 1]).Append('/').Append(names[i]);
        }

        return id.ToString();
    }

    private static object? Member(object? target, string name) => target is IReadOnlyDictionary<string, object?> map
        ? map.TryGetValue(name, out var value) ? value : throw new KeyNotFoundException($"No property '{name}' on the object")
        : throw new InvalidOperationException($"Cannot read '.{name}' of {target ?? "null"}");

    private static Dictionary<string, object?> Map(params (string Key, object? Value)[] entries) =>
        entries.ToDictionary(entry => entry.Key, entry => entry.Value, StringComparer.OrdinalIgnoreCase);

    private static bool Same((object? Left, object? Right) pair) => pair switch
    {
        (string left, string right) => string.Equals(left, right, StringComparison.Ordinal),
        _ => Equals(pair.Left, pair.Right),
    };

    private static object? Single(ArmCall call, object?[] args)
    {
        Require(call, 1);
        return args[0];
    }

    private static (object? Left, object? Right) Pair(ArmCall call, object?[] args)
    {
        Require(call, 2);
        return (args[0], args[1]);
    }

    private static void Require(ArmCall call, int count)
    {
        if (call.Arguments.Count != count)
        {
            throw new ArgumentException($"{call.Name} takes {count} argument(s), got {call.Arguments.Count}");
        }
    }

    private static bool AsBool(object? value) => value as bool? ?? throw new InvalidOperationException($"Expected a bool, got {value ?? "null"}");

    private static string AsString(object? value) => value as string ?? throw new InvalidOperationException($"Expected a string, got {value ?? "null"}");

    private static string Text(object? value) => value switch
    {
        null => string.Empty,
        string text => text,
        bool flag => flag ? "True" : "False",
        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
        _ => throw new InvalidOperationException($"Cannot turn {value.GetType().Name} into text"),
    };
}
