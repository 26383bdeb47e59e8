using OciOperator.Cel.Values;

namespace OciOperator.Cel.Tests.Extensions;

/// <summary>Functions not covered by the upstream conformance suite: cel-go lists, Kubernetes lists/regex, kro libraries.</summary>
public sealed class ExtensionFunctionTests
{
    public static IEnumerable<TestCaseData> Cases() => new (string Expr, string Expected)[]
    {
        // cel-go ext.Lists
        ("lists.range(4)", "[0, 1, 2, 3]"),
        ("lists.range(0)", "[]"),
        ("[1, 2, 3, 4].slice(1, 3)", "[2, 3]"),
        ("[1, [2, [3, 4]]].flatten()", "[1, 2, [3, 4]]"),
        ("[1, [2, [3, 4]]].flatten(2)", "[1, 2, 3, 4]"),
        ("[3, 1, 2].sort()", "[1, 2, 3]"),
        ("['b', 'a', 'c'].sort()", "['a', 'b', 'c']"),
        ("[{'n': 2}, {'n': 1}].sortBy(e, e.n)", "[{'n': 1}, {'n': 2}]"),
        ("[1, 2, 1, 3, 2].distinct()", "[1, 2, 3]"),
        ("[1, 2, 3].reverse()", "[3, 2, 1]"),
        ("[1, 2, 3].first()", "optional.of(1)"),
        ("[].last()", "optional.none()"),
        ("[1, 2, 3].last().value()", "3"),

        // Kubernetes lists
        ("[1, 2, 3].isSorted()", "true"),
        ("[1, 3, 2].isSorted()", "false"),
        ("[1, 2, 3].sum()", "6"),
        ("[1.5, 2.5].sum()", "4"),
        ("[].sum()", "0"),
        ("[3, 1, 2].min()", "1"),
        ("[3, 1, 2].max()", "3"),
        ("[1, 2, 3, 2].indexOf(2)", "1"),
        ("[1, 2, 3, 2].lastIndexOf(2)", "3"),
        ("[1, 2].indexOf(9)", "-1"),

        // Kubernetes regex
        ("'abc 123 def 456'.find('[0-9]+')", "'123'"),
        ("'abc'.find('[0-9]+')", "''"),
        ("'abc 123 def 456'.findAll('[0-9]+')", "['123', '456']"),
        ("'a1b2c3'.findAll('[0-9]', 2)", "['1', '2']"),

        // Kubernetes quantity
        ("quantity('1Gi').asInteger()", "1073741824"),
        ("quantity('500m').asApproximateFloat()", "0.5"),
        ("quantity('1.5k').asInteger()", "1500"),
        ("quantity('2e3').asInteger()", "2000"),
        ("quantity('500m').isInteger()", "false"),
        ("quantity('1Mi').isGreaterThan(quantity('1M'))", "true"),
        ("quantity('1k').isLessThan(quantity('1Ki'))", "true"),
        ("quantity('1Gi').compareTo(quantity('1024Mi'))", "0"),
        ("quantity('1Gi') == quantity('1024Mi')", "true"),
        ("quantity('1').add(quantity('500m')).asApproximateFloat()", "1.5"),
        ("quantity('1').add(2).asInteger()", "3"),
        ("quantity('1').sub(2).sign()", "-1"),
        ("isQuantity('1Gi')", "true"),
        ("isQuantity('1GiB')", "false"),

        // Kubernetes URL
        ("url('https://example.com:8443/a/b?x=1&x=2&y=z').getScheme()", "'https'"),
        ("url('https://example.com:8443/a/b').getHost()", "'example.com:8443'"),
        ("url('https://example.com/a').getHost()", "'example.com'"),
        ("url('https://example.com:8443/a').getHostname()", "'example.com'"),
        ("url('https://example.com:8443/a').getPort()", "'8443'"),
        ("url('https://example.com/a').getPort()", "''"),
        ("url('https://example.com/a%20b').getEscapedPath()", "'/a%20b'"),
        ("url('https://example.com/?x=1&x=2&y=z').getQuery()", "{'x': ['1', '2'], 'y': ['z']}"),
        ("url('https://[::1]:80/').getHostname()", "'::1'"),
        ("isURL('https://example.com')", "true"),
        ("isURL('not a url')", "false"),
        ("url('/absolute/path').getEscapedPath()", "'/absolute/path'"),

        // cel.bind: the bound value is only an error where it is used
        ("cel.bind(x, 1 / 0, true)", "true"),
        ("cel.bind(x, [1, 2], x.map(y, y * 2))", "[2, 4]"),

        // Kubernetes semver
        ("semver('1.2.3').major()", "1"),
        ("semver('1.2.3').minor()", "2"),
        ("semver('1.2.3-rc.1+build.5').patch()", "3"),
        ("semver('1.2.3').isLessThan(semver('1.10.0'))", "true"),
        ("semver('1.0.0-alpha').isLessThan(semver('1.0.0'))", "true"),
        ("semver('1.0.0-alpha.2').isLessThan(semver('1.0.0-alpha.10'))", "true"),
        ("semver('1.0.0-alpha.beta').isGreaterThan(semver('1.0.0-alpha.1'))", "true"),
        ("semver('2.0.0').compareTo(semver('2.0.0+meta'))", "0"),
        ("isSemver('1.2')", "false"),
        ("isSemver('v1.2.3')", "false"),
        ("isSemver('01.2.3')", "false"),

        // kro
        ("{'a': 1, 'b': 2}.merge({'b': 3, 'c': 4})", "{'a': 1, 'b': 3, 'c': 4}"),
        ("{'a': {'x': 1, 'y': 2}}.deepMerge({'a': {'y': 3}})", "{'a': {'x': 1, 'y': 3}}"),
        ("{'a': [1, 2]}.deepMerge({'a': [3]})", "{'a': [3]}"),
        ("json.marshal({'a': [1, true, 'x', null]})", "'{\"a\":[1,true,\"x\",null]}'"),
        ("json.unmarshal('{\"a\": [1, \"x\"]}').a[1]", "'x'"),
        ("base64.encode(hash.sha256('abc'))", "'ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0='"),
        ("base64.encode(hash.md5('abc'))", "'kAFQmDzST7DWlj99KOF/cg=='"),
        ("'%x'.format([hash.fnv64a('abc')])", "'e71fa2190541574b'"),
        ("lists.setAtIndex([1, 2, 3], 1, 9)", "[1, 9, 3]"),
        ("lists.insertAtIndex([1, 2], 2, 3)", "[1, 2, 3]"),
        ("lists.insertAtIndex([1, 2], 0, 0)", "[0, 1, 2]"),
        ("lists.removeAtIndex([1, 2, 3], 0)", "[2, 3]"),
        ("size(random.seededString(12, 'seed'))", "12"),
        ("random.seededString(16, 'x') == random.seededString(16, 'x')", "true"),
        ("random.seededString(16, 'x') != random.seededString(16, 'y')", "true"),
        ("random.seededString(32, 'x').matches('^[a-zA-Z0-9]+$')", "true"),
        ("random.seededInt(5, 10, 'seed') >= 5 && random.seededInt(5, 10, 'seed') < 10", "true"),
        ("random.seededInt(0, 1000000, 'a') == random.seededInt(0, 1000000, 'a')", "true"),
    }.Select(c => new TestCaseData(c.Expr, c.Expected).SetName("Eval_" + c.Expr.Replace('.', '_')));

    [TestCaseSource(nameof(Cases))]
    public void Eval_ExtensionFunction_ReturnsExpected(string expr, string expected)
    {
        var result = CelTestHelper.Render(expr);

        Assert.That(result, Is.EqualTo(expected));
    }

    public static IEnumerable<TestCaseData> ErrorCases() => new[]
    {
        "lists.range(-1)",
        "[1, 2].slice(2, 1)",
        "[1, 2].slice(0, 3)",
        "[1, 'a'].sort()",
        "[].min()",
        "['a', 1].isSorted()",
        "'abc'.find('[')",
        "json.unmarshal('{')",
        "lists.setAtIndex([1], 1, 2)",
        "lists.insertAtIndex([1], 2, 2)",
        "lists.removeAtIndex([], 0)",
        "random.seededString(-1, 'x')",
        "random.seededInt(5, 5, 'x')",
        "quantity('1GB')",
        "quantity('500m').asInteger()",
        "url('relative/path')",
        "semver('1.2')",
    }.Select(e => new TestCaseData(e).SetName("Eval_Error_" + e.Replace('.', '_')));

    [TestCaseSource(nameof(ErrorCases))]
    public void Eval_InvalidArguments_ReturnsErrorValue(string expr)
    {
        var result = CelTestHelper.Eval(expr);

        Assert.That(result, Is.InstanceOf<ErrorValue>());
    }
}
