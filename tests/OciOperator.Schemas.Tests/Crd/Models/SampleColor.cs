using System.Text.Json.Serialization;

namespace OciOperator.Schemas.Tests.Crd.Models;

internal enum SampleColor
{
    [JsonStringEnumMemberName("red-ish")]
    Red,
    Blue,
}
