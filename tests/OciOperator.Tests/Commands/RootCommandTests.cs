namespace OciOperator.Tests.Commands;

public sealed class RootCommandTests
{
    [TestCase("sandbox")]
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
}
