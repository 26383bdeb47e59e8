namespace OciOperator.Cel.Values;

public sealed class StringValue : CelValue
{
    public static readonly StringValue Empty = new(string.Empty);
    private const int SmallIntCacheSize = 1024;
    private static readonly StringValue?[] SmallInts = new StringValue?[SmallIntCacheSize];
    private int _codePoints = -1;

    public StringValue(string value) => Value = value;

    public string Value { get; }

    public override CelType Type => CelType.String;

    /// <summary>Length in Unicode code points (CEL's notion of string size).</summary>
    public int CodePointCount
    {
        get
        {
            if (_codePoints < 0)
            {
                _codePoints = CountCodePoints(Value);
            }

            return _codePoints;
        }
    }

    public static StringValue Of(string value) => value.Length == 0 ? Empty : new StringValue(value);

    /// <summary>The decimal text of an integer; small non-negative values come from a cache (filled on first use).</summary>
    public static StringValue OfInt(long value)
    {
        if (value is < 0 or >= SmallIntCacheSize)
        {
            return new StringValue(value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        // Benign race: two threads may both create the entry; either instance is correct.
        return SmallInts[value] ??= new StringValue(value.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    public static int CountCodePoints(string s)
    {
        var n = 0;
        for (var i = 0; i < s.Length; i++)
        {
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                i++;
            }

            n++;
        }

        return n;
    }

    public override object? ToObject() => Value;
}
