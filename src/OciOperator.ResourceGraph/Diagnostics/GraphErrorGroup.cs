namespace OciOperator.ResourceGraph.Diagnostics;

/// <summary>The groups of kro's bad-RGD messages (kro.md Addendum A.4), used to classify every build error.</summary>
public enum GraphErrorGroup
{
    /// <summary>Rules the RGD CRD itself enforces at admission (patterns, required fields, one-of rules).</summary>
    Admission,

    /// <summary>Ids, kinds, reserved words, forEach iterator names, template structure, scope and reserved metadata.</summary>
    Naming,

    /// <summary>Resolving a resource's kind and schema, and extracting <c>${...}</c> expressions from templates.</summary>
    Extraction,

    /// <summary>References between resources: unknown identifiers, self references, cycles, forEach dimensions.</summary>
    Dependency,

    /// <summary>CEL compile errors and type mismatches against the schema of the field written.</summary>
    TypeCheck,

    /// <summary>Instance status fields and custom conditions.</summary>
    Status,

    /// <summary>The SimpleSchema of <c>schema.spec</c> and <c>schema.types</c>.</summary>
    SimpleSchema,

    /// <summary>Ownership and compatibility of the generated CRD.</summary>
    CrdOwnership,
}
