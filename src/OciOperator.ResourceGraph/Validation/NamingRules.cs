using System.Text.RegularExpressions;

namespace OciOperator.ResourceGraph.Validation;

/// <summary>kro's naming rules for resource ids and forEach iterators (kro.md §5.4; <c>graphengine</c> reserved since v0.10).</summary>
internal static partial class NamingRules
{
    private static readonly HashSet<string> ReservedWords =
    [
        // kro
        "apiVersion", "context", "dependency", "dependencies", "each", "externalRef", "externalReference",
        "externalRefs", "externalReferences", "graph", "graphengine", "instance", "item", "items", "kind", "kro",
        "metadata", "namespace", "object", "resource", "resourcegraphdefinition", "resourceGraphDefinition",
        "resources", "root", "runtime", "schema", "self", "serviceAccountName", "spec", "status", "this",
        "variables", "vars", "version",

        // CEL reserved words
        "true", "false", "null", "in", "as", "break", "const", "continue", "else", "for", "function", "if",
        "import", "let", "loop", "package", "return", "var", "void", "while",
    ];

    public static bool IsReserved(string name) => ReservedWords.Contains(name);

    public static bool IsLowerCamelCase(string name) => IdPattern().IsMatch(name);

    public static bool IsUpperCamelCase(string name) => KindPattern().IsMatch(name);

    /// <summary>Kubernetes' DNS-1035 label rule (lowercased kinds must follow it).</summary>
    public static bool IsDns1035Label(string name) => name.Length <= 63 && Dns1035Pattern().IsMatch(name);

    [GeneratedRegex("^[a-z][a-zA-Z0-9]*$")]
    private static partial Regex IdPattern();

    [GeneratedRegex("^[A-Z][a-zA-Z0-9]*$")]
    private static partial Regex KindPattern();

    [GeneratedRegex("^[a-z]([-a-z0-9]*[a-z0-9])?$")]
    private static partial Regex Dns1035Pattern();
}
