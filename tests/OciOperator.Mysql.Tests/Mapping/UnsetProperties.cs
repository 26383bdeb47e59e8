using System.Collections;
using System.Reflection;
using System.Text.Json;

namespace OciOperator.Mysql.Tests.Mapping;

/// <summary>
/// Finds the properties of an object graph that are unset (null, or an empty collection), by reflection, so a test
/// that claims to use a "fully populated" object fails as soon as a new property is added and not filled in.
/// </summary>
internal static class UnsetProperties
{
    public static List<string> Of(object root)
    {
        ArgumentNullException.ThrowIfNull(root);
        var unset = new List<string>();
        Walk(root, root.GetType().Name, unset, depth: 0);
        return unset;
    }

    private static void Walk(object value, string path, List<string> unset, int depth)
    {
        if (depth > 10)
        {
            return;
        }

        foreach (var property in value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0 || property.GetMethod is null || property.SetMethod is null)
            {
                continue;
            }

            var child = property.GetValue(value);
            var childPath = $"{path}.{property.Name}";
            switch (child)
            {
                case null:
                    unset.Add(childPath);
                    break;
                case string or JsonElement or ValueType:
                    break;
                case IDictionary dictionary:
                    if (dictionary.Count == 0)
                    {
                        unset.Add(childPath);
                    }

                    break;
                case IEnumerable items:
                    var index = 0;
                    foreach (var item in items)
                    {
                        if (item is not null && IsModel(item.GetType()))
                        {
                            Walk(item, $"{childPath}[{index}]", unset, depth + 1);
                        }

                        index++;
                    }

                    if (index == 0)
                    {
                        unset.Add(childPath);
                    }

                    break;
                default:
                    if (IsModel(child.GetType()))
                    {
                        Walk(child, childPath, unset, depth + 1);
                    }

                    break;
            }
        }
    }

    private static bool IsModel(Type type) =>
        type.Namespace is "OciOperator.Mysql.Api" or "OciOperator.Oci.Mysql" && !type.IsValueType;
}
