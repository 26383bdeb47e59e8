using System.Text.Json.Nodes;
using OciOperator.Sandbox.Kube.Schema;

namespace OciOperator.Sandbox.Kube.Validation;

/// <summary>
/// Checks a CRD's <c>x-kubernetes-validations</c> when the CRD is created or updated, as the apiserver does: rule
/// shape, compile errors, the per-expression estimated cost limit and the per-schema total. Paths follow the
/// apiserver's internal form: <c>spec.validation.openAPIV3Schema</c> when every version has the same schema,
/// otherwise <c>spec.versions[i].schema.openAPIV3Schema</c>. Call only on a structurally valid spec.
/// </summary>
internal static class CrdRuleChecker
{
    private const int MostExpensiveReported = 4;

    public static IReadOnlyList<FieldError> Check(JsonObject crdSpec)
    {
        ArgumentNullException.ThrowIfNull(crdSpec);
        var errors = new List<FieldError>();
        if (crdSpec["versions"] is not JsonArray versions)
        {
            return errors;
        }

        var schemas = versions.Select(v => v?["schema"]?["openAPIV3Schema"] as JsonObject).ToList();
        if (schemas.Count > 0 && schemas.All(s => s is not null && JsonNode.DeepEquals(s, schemas[0])))
        {
            CheckSchema(schemas[0]!, "spec.validation.openAPIV3Schema", errors);
            return errors;
        }

        for (var i = 0; i < schemas.Count; i++)
        {
            if (schemas[i] is { } schema)
            {
                CheckSchema(schema, FieldPaths.Index("spec.versions", i) + ".schema.openAPIV3Schema", errors);
            }
        }

        return errors;
    }

    private static void CheckSchema(JsonObject schemaJson, string path, List<FieldError> errors)
    {
        var walker = new SchemaRuleWalker(path, collectErrors: true);
        walker.Walk(StructuralSchema.Parse(schemaJson), schemaJson);
        errors.AddRange(walker.Errors);
        var total = walker.Costs.Aggregate(0L, (sum, c) => sum > long.MaxValue - c.Cost ? long.MaxValue : sum + c.Cost);
        if (total <= CelValidationLimits.StaticEstimatedCrdCostLimit)
        {
            return;
        }

        foreach (var expensive in walker.Costs.OrderByDescending(c => c.Cost).Take(MostExpensiveReported))
        {
            errors.Add(FieldError.Forbidden(expensive.Path, "contributed to estimated rule cost total exceeding cost limit for entire OpenAPIv3 schema"));
        }

        errors.Add(FieldError.Forbidden(path, RuleCompiler.CostMessage(
            "x-kubernetes-validations estimated rule cost total for entire OpenAPIv3 schema", total, CelValidationLimits.StaticEstimatedCrdCostLimit)));
    }
}
