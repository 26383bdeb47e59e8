namespace OciOperator.Tests.Commands;

public sealed class RootCommandTests
{
    [TestCase("sandbox")]
    [TestCase("run")]
    [TestCase("oci")]
    [TestCase("cel")]
    public void BuildRootCommand_ListsSubcommand(string name)
    {
        var root = Program.BuildRootCommand();

        Assert.That(root.Subcommands.Select(c => c.Name), Does.Contain(name));
    }

    [Test]
    public void Parse_UnknownOption_ReportsError()
    {
        var result = Program.BuildRootCommand().Parse(["sandbox", "--no-such-flag"]);

        Assert.That(result.Errors, Is.Not.Empty);
    }

    [Test]
    public void Parse_OciCheckEndpointNotAUrl_ReportsWhatIsExpected()
    {
        var result = Program.BuildRootCommand().Parse(["oci", "check", "--compartment", "ocid1.compartment.oc1..x", "--endpoint", "not a url"]);

        Assert.That(result.Errors.Select(e => e.Message), Has.Some.Contains("absolute http(s) URL"));
    }
}
