using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using k8s.Models;

namespace OciOperator.Schemas.Crd;

/// <summary>Validation markers: DataAnnotations attributes mapped to OpenAPI keywords.</summary>
public static partial class OpenApiSchemaGenerator
{
    private static void ApplyValidation(PropertyInfo property, V1JSONSchemaProps schema)
    {
        // On a list, value markers (enum, range, pattern) constrain its items; length markers count its items.
        var target = schema.Type == "array" && schema.Items is V1JSONSchemaProps items ? items : schema;
        if (property.GetCustomAttribute<AllowedValuesAttribute>() is { } allowed)
        {
            // Strings, numbers and booleans keep their JSON type; anything else is written as its text.
            target.EnumProperty = allowed.Values
                .OfType<object>()
                .Select(v => v is string || v.GetType().IsPrimitive ? v : Convert.ToString(v, CultureInfo.InvariantCulture)!)
                .ToList();
        }

        if (property.GetCustomAttribute<RangeAttribute>() is { } range)
        {
            target.Minimum = Convert.ToDouble(range.Minimum, CultureInfo.InvariantCulture);
            target.Maximum = Convert.ToDouble(range.Maximum, CultureInfo.InvariantCulture);
        }

        if (property.GetCustomAttribute<RegularExpressionAttribute>() is { } regex)
        {
            target.Pattern = regex.Pattern;
        }

        if (property.GetCustomAttribute<CrdPropertyCountAttribute>() is { } count)
        {
            target.MinProperties = count.Minimum;
            target.MaxProperties = count.Maximum;
        }

        if (property.GetCustomAttribute<CrdItemMaxLengthAttribute>() is { } itemLength && target != schema)
        {
            target.MaxLength = itemLength.Length;
        }

        if (property.GetCustomAttribute<CrdListTypeAttribute>() is { } listType)
        {
            schema.XKubernetesListType = listType.ListType;
            schema.XKubernetesListMapKeys = listType.MapKeys.Count > 0 ? [.. listType.MapKeys] : null;
        }

        if (property.GetCustomAttribute<DefaultValueAttribute>() is { Value: { } value })
        {
            schema.DefaultProperty = value;
        }

        var isArray = schema.Type == "array";
        if (property.GetCustomAttribute<MinLengthAttribute>() is { } minLength)
        {
            SetMin(schema, isArray, minLength.Length);
        }

        if (property.GetCustomAttribute<MaxLengthAttribute>() is { } maxLength)
        {
            SetMax(schema, isArray, maxLength.Length);
        }

        if (property.GetCustomAttribute<StringLengthAttribute>() is { } stringLength)
        {
            schema.MaxLength = stringLength.MaximumLength;
            if (stringLength.MinimumLength > 0)
            {
                schema.MinLength = stringLength.MinimumLength;
            }
        }
    }

    /// <summary>Appends the <see cref="CrdValidationAttribute"/> rules of a class or property to a schema node.</summary>
    private static void ApplyRules(MemberInfo member, V1JSONSchemaProps schema)
    {
        var rules = member.GetCustomAttributes<CrdValidationAttribute>()
            .Select(a => new V1ValidationRule
            {
                Rule = a.Rule,
                Message = a.Message,
                MessageExpression = a.MessageExpression,
                Reason = a.Reason,
                FieldPath = a.FieldPath,
                OptionalOldSelf = a.OptionalOldSelf ? true : null,
            })
            .ToList();
        if (rules.Count > 0)
        {
            schema.XKubernetesValidations = [.. schema.XKubernetesValidations ?? [], .. rules];
        }
    }

    private static void SetMin(V1JSONSchemaProps schema, bool isArray, int value)
    {
        if (isArray)
        {
            schema.MinItems = value;
        }
        else
        {
            schema.MinLength = value;
        }
    }

    private static void SetMax(V1JSONSchemaProps schema, bool isArray, int value)
    {
        if (isArray)
        {
            schema.MaxItems = value;
        }
        else
        {
            schema.MaxLength = value;
        }
    }
}
