using System.Globalization;
using System.Text.RegularExpressions;

namespace OciOperator.Cel.Values;

/// <summary>A Kubernetes resource quantity (e.g. "500m", "1Gi", "1.5e3"), held as an exact decimal.</summary>
public sealed partial class QuantityValue : CelValue, IEquatable<QuantityValue>
{
    public static readonly CelType QuantityType = CelType.Opaque("kubernetes.Quantity");

    private QuantityValue(decimal value) => Value = value;

    public decimal Value { get; }

    public override CelType Type => QuantityType;

    [GeneratedRegex(@"^([+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+))(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E|[eE][+-]?[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    public static QuantityValue Of(decimal value) => new(value);

    /// <summary>Parses a quantity; returns null when the text is not a valid quantity or is out of range.</summary>
    public static QuantityValue? TryParse(string text)
    {
        var m = Pattern().Match(text);
        if (!m.Success || !decimal.TryParse(m.Groups[1].Value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
        {
            return null;
        }

        var suffix = m.Groups[2].Value;
        try
        {
            decimal factor = suffix switch
            {
                "" => 1m,
                "Ki" => 1024m,
                "Mi" => 1024m * 1024,
                "Gi" => 1024m * 1024 * 1024,
                "Ti" => 1024m * 1024 * 1024 * 1024,
                "Pi" => 1024m * 1024 * 1024 * 1024 * 1024,
                "Ei" => 1024m * 1024 * 1024 * 1024 * 1024 * 1024,
                "n" => 0.000000001m,
                "u" => 0.000001m,
                "m" => 0.001m,
                "k" => 1e3m,
                "M" => 1e6m,
                "G" => 1e9m,
                "T" => 1e12m,
                "P" => 1e15m,
                "E" => 1e18m,
                _ => Pow10(int.Parse(suffix[1..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture)),
            };
            return new QuantityValue(number * factor);
        }
        catch (Exception e) when (e is OverflowException or FormatException)
        {
            return null;
        }
    }

    private static decimal Pow10(int exp)
    {
        if (exp is > 28 or < -28)
        {
            throw new OverflowException();
        }

        var r = 1m;
        for (var i = 0; i < Math.Abs(exp); i++)
        {
            r = exp > 0 ? r * 10 : r / 10;
        }

        return r;
    }

    public bool Equals(QuantityValue? other) => other is not null && other.Value == Value;

    public override bool Equals(object? obj) => Equals(obj as QuantityValue);

    public override int GetHashCode() => Value.GetHashCode();

    public override object? ToObject() => Value;
}
