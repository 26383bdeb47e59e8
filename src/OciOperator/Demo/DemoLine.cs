using System.Globalization;

namespace OciOperator.Demo;

/// <summary>One line of the demo's progress: when (since the start), which object, and what happened to it.</summary>
/// <param name="Elapsed">Time since <c>sandbox --demo</c> started.</param>
/// <param name="Kind">The object's kind.</param>
/// <param name="Name">The object's name.</param>
/// <param name="Phase">The phase it entered.</param>
/// <param name="Text">What happened (<c>created</c>, <c>CREATING</c>, <c>ACTIVE</c>, ...), with the object's message if any.</param>
internal sealed record DemoLine(TimeSpan Elapsed, string Kind, string Name, DemoPhase Phase, string Text)
{
    /// <summary>The elapsed time as the demo prints it: seconds with one decimal, right-aligned.</summary>
    public string ElapsedText => string.Create(CultureInfo.InvariantCulture, $"{Elapsed.TotalSeconds,6:0.0}s");

    /// <summary>The line for a log file or a pipe: aligned columns, no colour.</summary>
    public string ToPlainText() => string.Create(CultureInfo.InvariantCulture, $"{ElapsedText}  {Kind,-23}  {Name,-31}  {Text}").TrimEnd();
}
