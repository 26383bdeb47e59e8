using OciOperator.Cel.Common;
using OciOperator.Cel.Values;

namespace OciOperator.Cel.Tests.Common;

/// <summary>Name resolution in a container and the one built-in type-name table.</summary>
public sealed class ContainerTests
{
    private static readonly Dictionary<string, CelType> NoTypes = [];

    [TestCase("", false, new[] { "" })]
    [TestCase("a", false, new[] { "a.", "" })]
    [TestCase("a.b.c", false, new[] { "a.b.c.", "a.b.", "a.", "" })]
    [TestCase("a.b.c", true, new[] { "" })]
    public void Prefixes_Container_MostQualifiedFirst(string name, bool rooted, string[] expected)
    {
        var container = new Container(name);

        Assert.That(container.Prefixes(rooted), Is.EqualTo(expected));
    }

    [TestCase("f", "a.b.f")]
    [TestCase("g", "a.g")]
    [TestCase("h", "h")]
    [TestCase("missing", null)]
    public void Resolve_DeclaredNames_FirstMatchFromTheInside(string name, string? expected)
    {
        var declared = new HashSet<string> { "a.b.f", "a.f", "f", "a.g", "h" };

        var resolved = new Container("a.b").Resolve(name, declared.Contains);

        Assert.That(resolved, Is.EqualTo(expected));
    }

    [Test]
    public void Resolve_RootedName_IgnoresContainer()
    {
        var declared = new HashSet<string> { "a.b.f", "f" };

        var resolved = new Container("a.b").Resolve("f", declared.Contains, rooted: true);

        Assert.That(resolved, Is.EqualTo("f"));
    }

    public static IEnumerable<TestCaseData> BuiltinTypeNames() => new (string Name, CelType Type)[]
    {
        ("int", CelType.Int), ("uint", CelType.Uint), ("double", CelType.Double), ("bool", CelType.Bool),
        ("string", CelType.String), ("bytes", CelType.Bytes), ("list", CelType.ListOfDyn), ("map", CelType.MapOfDyn),
        ("null_type", CelType.Null), ("type", CelType.TypeOfDyn), ("optional_type", CelType.OptionalOfDyn),
        ("google.protobuf.Timestamp", CelType.Timestamp), ("google.protobuf.Duration", CelType.Duration),
    }.Select(c => new TestCaseData(c.Name, c.Type).SetName("ResolveType_Builtin_" + c.Name));

    [TestCaseSource(nameof(BuiltinTypeNames))]
    public void ResolveType_Builtin_ReturnsType(string name, CelType expected)
    {
        var type = new Container("x.y").ResolveType(name, NoTypes);

        Assert.That(type, Is.EqualTo(expected));
    }

    [Test]
    public void ResolveType_RegisteredInContainer_QualifiesName()
    {
        var registered = new Dictionary<string, CelType> { ["net.IP"] = CelType.String };

        Assert.That(new Container("net").ResolveType("IP", registered), Is.EqualTo(CelType.String));
        Assert.That(new Container(string.Empty).ResolveType("IP", registered), Is.Null);
    }

    [Test]
    public void ResolveType_UnknownName_ReturnsNull()
    {
        Assert.That(new Container("a").ResolveType("nope", NoTypes), Is.Null);
    }
}
