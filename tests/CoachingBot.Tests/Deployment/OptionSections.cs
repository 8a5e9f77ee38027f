using System.ComponentModel;
using System.Reflection;
using CoachingBot.Care;
using CoachingBot.Storage;
using CoachingBot.Teams.Auth;
using CoachingBot.Teams.Connector;
using CoachingBot.Teams.Hosting;

namespace CoachingBot.Tests.Deployment;

/// <summary>
/// The app's configuration sections and the options classes bound from them, and the lookup from an app setting
/// name (ASP.NET's "Section__Key" environment form) to the property it sets.
/// </summary>
internal static class OptionSections
{
    /// <summary>Longest section first, so that "Bot:Connector" wins over "Bot".</summary>
    public static readonly IReadOnlyList<(string Section, Type Options)> All =
    [
        (ConnectorOptions.SectionName, typeof(ConnectorOptions)),
        ("Bot:Hosting", typeof(BotHostingOptions)),
        (BotOptions.SectionName, typeof(BotOptions)),
        (StorageOptions.SectionName, typeof(StorageOptions)),
        (CareOptions.SectionName, typeof(CareOptions)),
    ];

    /// <summary>The configuration key an environment variable or app setting name stands for.</summary>
    public static string ConfigurationKey(string settingName) => settingName.Replace("__", ":", StringComparison.Ordinal);

    /// <summary>
    /// Finds the property a setting binds to, as the configuration binder would (names case-insensitive, public
    /// read-write properties, values convertible from a string), or says why there is none.
    /// </summary>
    public static (Type Options, PropertyInfo Property)? Resolve(string settingName, out string problem)
    {
        var key = ConfigurationKey(settingName);
        var match = All.FirstOrDefault(entry => key.StartsWith(entry.Section + ":", StringComparison.OrdinalIgnoreCase));
        if (match.Options is null)
        {
            problem = $"{settingName}: no options class is bound from a section that '{key}' falls in";
            return null;
        }

        var path = key[(match.Section.Length + 1)..].Split(':');
        var type = match.Options;
        PropertyInfo? property = null;
        foreach (var segment in path)
        {
            property = type.GetProperty(segment, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
            if (property is null)
            {
                problem = $"{settingName}: {type.Name} has no public property '{segment}'";
                return null;
            }

            type = property.PropertyType;
        }

        if (property is not { CanRead: true, SetMethod.IsPublic: true })
        {
            problem = $"{settingName}: {property?.DeclaringType?.Name}.{property?.Name} has no public setter, so binding cannot set it";
            return null;
        }

        if (!TypeDescriptor.GetConverter(property.PropertyType).CanConvertFrom(typeof(string)))
        {
            problem = $"{settingName}: {property.DeclaringType?.Name}.{property.Name} is a {property.PropertyType.Name}, which an app setting's text cannot set";
            return null;
        }

        problem = string.Empty;
        return (match.Options, property);
    }
}
