using OciOperator.Runtime.Health;

namespace OciOperator.Runtime.Tests.Health;

public sealed class BindAddressTests
{
    private static IEnumerable<TestCaseData> Cases()
    {
        yield return new TestCaseData(":8080", true, "http://0.0.0.0:8080").SetName("TryParse_PortOnly_AllInterfaces");
        yield return new TestCaseData("127.0.0.1:0", true, "http://127.0.0.1:0").SetName("TryParse_HostAndPort_ThatHost");
        yield return new TestCaseData("[::1]:9090", true, "http://[::1]:9090").SetName("TryParse_Ipv6_Bracketed");
        yield return new TestCaseData("0", true, null).SetName("TryParse_Zero_Disabled");
        yield return new TestCaseData("8080", false, null).SetName("TryParse_NoColon_Invalid");
        yield return new TestCaseData(":70000", false, null).SetName("TryParse_PortTooLarge_Invalid");
        yield return new TestCaseData("", false, null).SetName("TryParse_Empty_Invalid");
    }

    [TestCaseSource(nameof(Cases))]
    public void TryParse_Table(string text, bool valid, string? url)
    {
        var ok = BindAddress.TryParse(text, out var address);

        Assert.That(ok, Is.EqualTo(valid));
        Assert.That(address?.ToUrl(), Is.EqualTo(url));
    }
}
