using OciOperator.Cel.Values;

namespace OciOperator.Cel.Common;

/// <summary>Supplies variable values to an evaluation.</summary>
public interface ICelActivation
{
    bool TryResolve(string name, out CelValue value);
}
