namespace OciOperator.Sandbox.Kube.Schema;

/// <summary>One <c>additionalPrinterColumns</c> entry of a CRD version.</summary>
internal sealed record PrinterColumn(string Name, string Type, string? Format, string Description, int Priority, string JsonPath);
