using System.Text.Json.Nodes;
using OciOperator.Cel.Library;
using OciOperator.Cel.Values;

namespace OciOperator.Cel.Tests.Conformance;

/// <summary>Converts the conformance files' type declarations (typeEnv, deducedType) to CEL types.</summary>
internal static class ConformanceTypes
{
    public static CelType FromJson(JsonObject t)
    {
        if (t["primitive"] is { } p)
        {
            return p.GetValue<string>() switch
            {
                "BOOL" => CelType.Bool,
                "INT64" => CelType.Int,
                "UINT64" => CelType.Uint,
                "DOUBLE" => CelType.Double,
                "STRING" => CelType.String,
                "BYTES" => CelType.Bytes,
                var other => throw new NotSupportedException(other),
            };
        }

        if (t["listType"] is JsonObject l)
        {
            return CelType.List(FromJson(l["elemType"]!.AsObject()));
        }

        if (t["mapType"] is JsonObject m)
        {
            return CelType.Map(FromJson(m["keyType"]!.AsObject()), FromJson(m["valueType"]!.AsObject()));
        }

        if (t["abstractType"] is JsonObject a)
        {
            var ps = a["parameterTypes"]?.AsArray().Select(x => FromJson(x!.AsObject())).ToArray() ?? [];
            var name = a["name"]!.GetValue<string>();
            return name == "optional_type" ? CelType.Optional(ps[0]) : CelType.Opaque(name, ps);
        }

        if (t["typeParam"] is { } tp)
        {
            return CelType.Param(tp.GetValue<string>());
        }

        if (t["wellKnown"] is { } wk)
        {
            return wk.GetValue<string>() switch
            {
                "TIMESTAMP" => CelType.Timestamp,
                "DURATION" => CelType.Duration,
                _ => CelType.Dyn,
            };
        }

        if (t["messageType"] is { } mt)
        {
            return mt.GetValue<string>() switch
            {
                "google.protobuf.Timestamp" => CelType.Timestamp,
                "google.protobuf.Duration" => CelType.Duration,
                var name => CelType.Message(name),
            };
        }

        if (t["type"] is JsonObject inner)
        {
            return CelType.TypeOf(FromJson(inner));
        }

        if (t.ContainsKey("null"))
        {
            return CelType.Null;
        }

        if (t["wrapper"] is { } w)
        {
            return CelType.Wrapper(FromJson(new JsonObject { ["primitive"] = w.GetValue<string>() }));
        }

        return CelType.Dyn;
    }

    /// <summary>Builds environment options from a test's typeEnv (variables and function declarations).</summary>
    public static CelEnvironmentOptions Options(JsonObject test)
    {
        var vars = new Dictionary<string, CelType>(StringComparer.Ordinal);
        var functions = new List<CelOverload>();
        foreach (var decl in test["typeEnv"]!.AsArray())
        {
            var name = decl!["name"]!.GetValue<string>();
            if (decl["ident"] is JsonObject ident)
            {
                vars[name] = FromJson(ident["type"]!.AsObject());
            }
            else if (decl["function"] is JsonObject fn)
            {
                foreach (var o in fn["overloads"]!.AsArray())
                {
                    var ps = o!["params"]!.AsArray().Select(x => FromJson(x!.AsObject())).ToArray();
                    functions.Add(new CelOverload(o["overloadId"]!.GetValue<string>(), name, o["isInstanceFunction"]!.GetValue<bool>(), [.. ps], FromJson(o["resultType"]!.AsObject()), null));
                }
            }
        }

        return new CelEnvironmentOptions
        {
            Container = test["container"]!.GetValue<string>(),
            EnableMacros = !test["disableMacros"]!.GetValue<bool>(),
            Variables = vars,
            ConfigureFunctions = r => functions.ForEach(r.Add),
        };
    }
}
