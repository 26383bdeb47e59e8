using System.Reflection;
using Microsoft.Extensions.Logging;

namespace OciOperator.Testing.Architecture;

/// <summary>The <c>[LoggerMessage]</c> event ids declared in one assembly, with the methods declaring them.</summary>
public static class LogEventIds
{
    /// <summary>Every id used by more than one log method of <paramref name="assembly"/>, as "id: methods".</summary>
    public static IReadOnlyList<string> Duplicates(Assembly assembly) =>
        [.. Declared(assembly).GroupBy(d => d.Id).Where(g => g.Count() > 1).Select(g => $"{g.Key}: {string.Join(", ", g.Select(d => d.Method))}")];

    /// <summary>Every log method's event id.</summary>
    public static IReadOnlyList<(int Id, string Method)> Declared(Assembly assembly) =>
        [.. assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Static | BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            .Select(m => (Method: m, Attribute: m.GetCustomAttribute<LoggerMessageAttribute>()))
            .Where(x => x.Attribute is not null)
            .Select(x => (x.Attribute!.EventId, $"{x.Method.DeclaringType!.Name}.{x.Method.Name}"))];
}
