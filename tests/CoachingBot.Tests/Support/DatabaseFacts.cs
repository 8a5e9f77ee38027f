using Xunit.Abstractions;
using Xunit.Sdk;

namespace CoachingBot.Tests.Support;

/// <summary>
/// On a test class: its tests need the PostgreSQL test server, and <see cref="DatabaseFactAttribute"/> and
/// <see cref="DatabaseTheoryAttribute"/> tests in it (inherited ones included) are skipped when
/// <see cref="PostgreSqlTestDatabase.SkipReason"/> says so.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class UsesPostgreSqlAttribute : Attribute;

/// <summary>A fact of a contract class, run once per provider: skipped where its class's database is not available.</summary>
[XunitTestCaseDiscoverer("CoachingBot.Tests.Support.DatabaseFactDiscoverer", "CoachingBot.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class DatabaseFactAttribute : FactAttribute;

/// <summary>A theory of a contract class, run once per provider: skipped where its class's database is not available.</summary>
[XunitTestCaseDiscoverer("CoachingBot.Tests.Support.DatabaseTheoryDiscoverer", "CoachingBot.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class DatabaseTheoryAttribute : TheoryAttribute;

/// <summary>A test of its own that needs the PostgreSQL test server; skipped when it is not available (never in CI).</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PostgreSqlFactAttribute : FactAttribute
{
    public PostgreSqlFactAttribute() => Skip = PostgreSqlTestDatabase.SkipReason;
}

/// <summary>As <see cref="PostgreSqlFactAttribute"/>, for a theory.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PostgreSqlTheoryAttribute : TheoryAttribute
{
    public PostgreSqlTheoryAttribute() => Skip = PostgreSqlTestDatabase.SkipReason;
}

internal static class DatabaseAvailability
{
    public static string? SkipReason(ITestMethod testMethod) =>
        testMethod.TestClass.Class.GetCustomAttributes(typeof(UsesPostgreSqlAttribute)).Any()
            ? PostgreSqlTestDatabase.SkipReason
            : null;
}

public sealed class DatabaseFactDiscoverer(IMessageSink diagnosticMessageSink) : FactDiscoverer(diagnosticMessageSink)
{
    private readonly IMessageSink _sink = diagnosticMessageSink;

    public override IEnumerable<IXunitTestCase> Discover(
        ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute) =>
        DatabaseAvailability.SkipReason(testMethod) is { } reason
            ? [new SkippedTestCase(_sink, discoveryOptions.MethodDisplayOrDefault(), discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod, reason)]
            : base.Discover(discoveryOptions, testMethod, factAttribute);
}

public sealed class DatabaseTheoryDiscoverer(IMessageSink diagnosticMessageSink) : TheoryDiscoverer(diagnosticMessageSink)
{
    private readonly IMessageSink _sink = diagnosticMessageSink;

    public override IEnumerable<IXunitTestCase> Discover(
        ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo theoryAttribute) =>
        DatabaseAvailability.SkipReason(testMethod) is { } reason
            ? [new SkippedTestCase(_sink, discoveryOptions.MethodDisplayOrDefault(), discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod, reason)]
            : base.Discover(discoveryOptions, testMethod, theoryAttribute);
}

/// <summary>A test case reported as skipped with a reason decided at discovery rather than written in the attribute.</summary>
public sealed class SkippedTestCase : XunitTestCase
{
    private string _reason = "";

    [Obsolete("Called by the de-serializer; should only be called by deriving classes for de-serialization purposes")]
    public SkippedTestCase()
    {
    }

    public SkippedTestCase(
        IMessageSink diagnosticMessageSink,
        TestMethodDisplay defaultMethodDisplay,
        TestMethodDisplayOptions defaultMethodDisplayOptions,
        ITestMethod testMethod,
        string reason)
        : base(diagnosticMessageSink, defaultMethodDisplay, defaultMethodDisplayOptions, testMethod)
    {
        _reason = reason;
    }

    protected override string GetSkipReason(IAttributeInfo factAttribute) => _reason;

    public override void Serialize(IXunitSerializationInfo data)
    {
        ArgumentNullException.ThrowIfNull(data);
        data.AddValue("SkipReason", _reason);
        base.Serialize(data);
    }

    public override void Deserialize(IXunitSerializationInfo data)
    {
        ArgumentNullException.ThrowIfNull(data);
        _reason = data.GetValue<string>("SkipReason");
        base.Deserialize(data);
    }
}
