using System.Text.Json.Serialization;

namespace OciOperator.Mysql.Tests.Crd.Models;

internal enum SampleColor
{
    [JsonStringEnumMemberName("red-ish")]
    Red,
    Blue,
}
