using System.Globalization;

namespace OciOperator.Sandbox.Kube.Schema;

/// <summary>Builds field paths the way apimachinery prints them (<c>spec.items[0].name</c>).</summary>
internal static class FieldPaths
{
    public static string Child(string parent, string name) => parent.Length == 0 ? name : parent + "." + name;

    public static string Index(string parent, int index) => parent + "[" + index.ToString(CultureInfo.InvariantCulture) + "]";

    /// <summary>A map key in a <c>field.Path</c> (<c>properties[spec]</c>).</summary>
    public static string Key(string parent, string key) => parent + "[" + key + "]";
}
