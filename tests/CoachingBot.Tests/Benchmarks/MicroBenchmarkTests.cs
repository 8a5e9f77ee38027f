using System.Globalization;
using System.Reflection;
using BenchmarkDotNet.Attributes;
using CoachingBot.Micro;

namespace CoachingBot.Tests.Benchmarks;

/// <summary>
/// Every micro-benchmark in bench/CoachingBot.Micro, with every value of its parameters, set up, invoked once and
/// cleaned up the way BenchmarkDotNet would, but without timing anything: a benchmark whose setup or body breaks as
/// the code under it changes fails here instead of on the next person who runs it. Found by reflection, so a new
/// benchmark is covered without touching this file.
/// </summary>
public sealed class MicroBenchmarkTests
{
    private static readonly Assembly Benchmarks = typeof(ActivityJsonBenchmarks).Assembly;

    public static TheoryData<string> Cases() => [.. Names()];

    private static List<string> Names()
    {
        var cases = new List<string>();
        foreach (var type in Benchmarks.GetTypes().Where(t => t.IsClass && !t.IsAbstract))
        {
            foreach (var method in type.GetMethods().Where(m => m.GetCustomAttribute<BenchmarkAttribute>() is not null))
            {
                foreach (var parameters in ParameterSets(type))
                {
                    cases.Add(Describe(type, method, parameters));
                }
            }
        }

        return cases;
    }

    [Fact]
    public void Cases_CoverEveryBenchmarkClass_WhenDiscovered()
    {
        var described = Names();
        string[] expected = [nameof(ActivityJsonBenchmarks), nameof(DialogStateBenchmarks), nameof(CardBenchmarks), nameof(TokenValidationBenchmarks), nameof(HelpTurnBenchmarks), nameof(GrowStepBenchmarks)];
        Assert.All(expected, name => Assert.Contains(described, d => d.StartsWith(name + ".", StringComparison.Ordinal)));
        // Four activity kinds, each read and written.
        Assert.Equal(8, described.Count(d => d.StartsWith(nameof(ActivityJsonBenchmarks) + ".", StringComparison.Ordinal)));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Benchmark_RunsOnceWithoutError_WhenSetUpAsBenchmarkDotNetWould(string benchmark)
    {
        var (type, method, parameters) = Resolve(benchmark);
        var instance = Activator.CreateInstance(type)!;
        foreach (var (property, value) in parameters)
        {
            property.SetValue(instance, value);
        }

        await RunAllAsync<GlobalSetupAttribute>(instance, method, a => a.Targets);
        try
        {
            await RunAllAsync<IterationSetupAttribute>(instance, method, a => a.Targets);
            var result = await InvokeAsync(instance, method);
            if (method.ReturnType != typeof(void) && method.ReturnType != typeof(Task) && method.ReturnType != typeof(ValueTask))
            {
                Assert.NotNull(result);
            }

            await RunAllAsync<IterationCleanupAttribute>(instance, method, a => a.Targets);
        }
        finally
        {
            await RunAllAsync<GlobalCleanupAttribute>(instance, method, a => a.Targets);
        }
    }

    private static IEnumerable<(PropertyInfo Property, object? Value)[]> ParameterSets(Type type)
    {
        IEnumerable<(PropertyInfo, object?)[]> sets = [[]];
        foreach (var property in type.GetProperties())
        {
            var values = ValuesOf(type, property);
            if (values is null)
            {
                continue;
            }

            sets = [.. sets.SelectMany(set => values.Select(value => (Property: property, Value: value)).Select(pair => set.Append(pair).ToArray()))];
        }

        return sets;
    }

    private static object?[]? ValuesOf(Type type, PropertyInfo property)
    {
        if (property.GetCustomAttribute<ParamsAttribute>() is { } fixedValues)
        {
            return fixedValues.Values;
        }

        if (property.GetCustomAttribute<ParamsAllValuesAttribute>() is not null)
        {
            var valueType = property.PropertyType;
            return valueType == typeof(bool) ? [false, true] : [.. Enum.GetValues(valueType).Cast<object?>()];
        }

        if (property.GetCustomAttribute<ParamsSourceAttribute>() is { } source)
        {
            var member = type.GetMember(source.Name, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance).Single();
            var target = member is MethodInfo { IsStatic: true } or PropertyInfo { GetMethod.IsStatic: true } ? null : Activator.CreateInstance(type);
            var produced = member switch
            {
                MethodInfo m => m.Invoke(target, null),
                PropertyInfo p => p.GetValue(target),
                FieldInfo f => f.GetValue(target),
                _ => throw new InvalidOperationException($"Cannot read parameter values from {member}."),
            };
            return [.. ((System.Collections.IEnumerable)produced!).Cast<object?>()];
        }

        return null;
    }

    private static string Describe(Type type, MethodInfo method, (PropertyInfo Property, object? Value)[] parameters) =>
        $"{type.Name}.{method.Name}" + (parameters.Length == 0
            ? ""
            : "(" + string.Join(", ", parameters.Select(p => $"{p.Property.Name}={Convert.ToString(p.Value, CultureInfo.InvariantCulture)}")) + ")");

    private static (Type, MethodInfo, (PropertyInfo, object?)[]) Resolve(string benchmark)
    {
        foreach (var type in Benchmarks.GetTypes().Where(t => t.IsClass && !t.IsAbstract))
        {
            foreach (var method in type.GetMethods().Where(m => m.GetCustomAttribute<BenchmarkAttribute>() is not null))
            {
                foreach (var parameters in ParameterSets(type))
                {
                    if (Describe(type, method, parameters) == benchmark)
                    {
                        return (type, method, parameters);
                    }
                }
            }
        }

        throw new InvalidOperationException($"No benchmark {benchmark}.");
    }

    private static async Task RunAllAsync<TAttribute>(object instance, MethodInfo benchmark, Func<TAttribute, string[]> targets)
        where TAttribute : Attribute
    {
        foreach (var method in instance.GetType().GetMethods())
        {
            if (method.GetCustomAttribute<TAttribute>() is { } attribute
                && (targets(attribute) is not { Length: > 0 } named || named.Contains(benchmark.Name)))
            {
                await InvokeAsync(instance, method);
            }
        }
    }

    private static async Task<object?> InvokeAsync(object instance, MethodInfo method)
    {
        object? result;
        try
        {
            result = method.Invoke(instance, null);
        }
        catch (TargetInvocationException exception) when (exception.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(exception.InnerException);
            throw;
        }

        switch (result)
        {
            case Task task:
                await task;
                return task.GetType().IsGenericType ? task.GetType().GetProperty("Result")!.GetValue(task) : null;
            case ValueTask valueTask:
                await valueTask;
                return null;
            default:
                return result;
        }
    }
}
