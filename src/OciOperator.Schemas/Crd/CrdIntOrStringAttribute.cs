namespace OciOperator.Schemas.Crd;

/// <summary>
/// Marks a string property that also accepts an integer (<c>x-kubernetes-int-or-string: true</c>), like a port that may be
/// given by number or by name. <c>k8s.Models.IntOrString</c> properties get this without the attribute.
/// </summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false, Inherited = true)]
public sealed class CrdIntOrStringAttribute : Attribute;
