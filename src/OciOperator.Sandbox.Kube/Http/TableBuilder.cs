using System.Globalization;
using System.Text.Json.Nodes;
using OciOperator.Sandbox.Kube.Resources;
using OciOperator.Sandbox.Kube.Schema;
using OciOperator.Sandbox.Kube.Storage;

namespace OciOperator.Sandbox.Kube.Http;

/// <summary>
/// Renders <c>meta.k8s.io/v1 Table</c> responses (§8): CRD additionalPrinterColumns via the Schema library's
/// <see cref="PrinterColumns"/>, and the usual server-side columns for the built-in kinds.
/// </summary>
internal sealed class TableBuilder(TimeProvider time)
{
    public JsonObject Build(ResourceDescriptor d, IReadOnlyList<JsonObject> items, string resourceVersion, bool includeHeaders, string includeObject)
    {
        var columns = Columns(d);
        var ownsNameColumn = EventTable.Handles(d);
        var now = time.GetUtcNow();
        var rows = new JsonArray();
        foreach (var item in items)
        {
            var cells = ownsNameColumn ? new JsonArray() : new JsonArray(ObjectMeta.NameOf(item));
            var rendered = ownsNameColumn ? EventTable.Cells(item, now)
                : !d.IsCustom && BuiltInTableCells.Columns(d) is not null ? BuiltInTableCells.Cells(d, item, now)
                : PrinterColumns.RenderCells(item, columns, now);
            foreach (var cell in rendered)
            {
                cells.Add(cell?.DeepClone());
            }

            var row = new JsonObject { ["cells"] = cells };
            switch (includeObject)
            {
                case "None":
                    break;
                case "Object":
                    row["object"] = item.DeepClone();
                    break;
                default:
                    row["object"] = new JsonObject
                    {
                        ["kind"] = "PartialObjectMetadata",
                        ["apiVersion"] = "meta.k8s.io/v1",
                        ["metadata"] = item["metadata"]?.DeepClone(),
                    };
                    break;
            }

            rows.Add(row);
        }

        return new JsonObject
        {
            ["kind"] = "Table",
            ["apiVersion"] = "meta.k8s.io/v1",
            ["metadata"] = new JsonObject { ["resourceVersion"] = resourceVersion },
            ["columnDefinitions"] = includeHeaders ? PrinterColumns.ColumnDefinitions(columns, leadingName: !ownsNameColumn) : new JsonArray(),
            ["rows"] = rows,
        };
    }

    /// <summary>Columns after the implicit Name column.</summary>
    public static IReadOnlyList<PrinterColumn> Columns(ResourceDescriptor d)
    {
        if (d.IsCustom)
        {
            return d.PrinterColumns is { Count: > 0 } declared
                ? PrinterColumns.FromCrdVersion(new JsonObject { ["additionalPrinterColumns"] = declared.DeepClone() })
                : [PrinterColumns.DefaultAge];
        }

        if (EventTable.Handles(d))
        {
            return EventTable.Columns;
        }

        if (BuiltInTableCells.Columns(d) is { } computed)
        {
            return computed;
        }

        var age = PrinterColumns.DefaultAge;
        return (d.Group, d.Kind) switch
        {
            ("", "Namespace") => [Column("Status", ".status.phase"), age],
            ("", "Pod") => [Column("Status", ".status.phase"), Column("IP", ".status.podIP", 1), Column("Node", ".spec.nodeName", 1), age],
            ("", "Secret") => [Column("Type", ".type"), age],
            ("", "Service") => [Column("Type", ".spec.type"), Column("Cluster-IP", ".spec.clusterIP"),
                Column("External-IP", ".status.loadBalancer.ingress[0].ip"), age, Column("Selector", ".spec.selector", 1)],
            ("apps", "Deployment") => [Column("Ready", ".status.readyReplicas", 0, "integer"), Column("Up-to-date", ".status.updatedReplicas", 0, "integer"),
                Column("Available", ".status.availableReplicas", 0, "integer"), age],
            ("batch", "Job") => [Column("Completions", ".status.succeeded", 0, "integer"), age],
            ("coordination.k8s.io", "Lease") => [Column("Holder", ".spec.holderIdentity"), age],
            (BuiltInResources.ApiExtensionsGroup, "CustomResourceDefinition") => [
                new PrinterColumn("Created At", "date", null, "", 0, ".metadata.creationTimestamp") with { Type = "string" }],
            _ => [age],
        };
    }

    private static PrinterColumn Column(string name, string jsonPath, int priority = 0, string type = "string") =>
        new(name, type, null, string.Create(CultureInfo.InvariantCulture, $"{name} ({jsonPath})"), priority, jsonPath);
}
