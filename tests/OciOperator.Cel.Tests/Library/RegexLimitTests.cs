using System.Diagnostics;
using OciOperator.Cel.Values;

namespace OciOperator.Cel.Tests.Library;

/// <summary>Pathological regular expressions run in linear time (non-backtracking engine).</summary>
public sealed class RegexLimitTests
{
    [TestCase("'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!'.matches('^(a+)+$')")]
    [TestCase("'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!'.matches('^(a|a)*$')")]
    [TestCase("'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!'.matches('^(a|aa)+$')")]
    [TestCase("'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'.findAll('(x+x+)+y').size() == 0")]
    public void Eval_PathologicalRegex_CompletesQuickly(string expr)
    {
        var watch = Stopwatch.StartNew();

        var result = CelTestHelper.Eval(expr);

        Assert.That(result, Is.InstanceOf<BoolValue>());
        Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(5)));
    }
}
