using System.Globalization;

namespace OciOperator.Sandbox.Kube.Patching;

/// <summary>The apiserver's conflict error for server-side apply (<c>merge/conflict.go</c>, <c>fieldmanager</c>).</summary>
internal static partial class ServerSideApply
{
    public const string ConflictReason = "FieldManagerConflict";

    private static PatchException ConflictError(List<(ManagedFieldsEntry Owner, FieldPath Path)> conflicts)
    {
        var rows = conflicts
            .Select(c => (Manager: c.Owner.Describe(), Path: c.Path.ToString()))
            .Distinct()
            .OrderBy(c => c.Manager, StringComparer.Ordinal)
            .ThenBy(c => c.Path, StringComparer.Ordinal)
            .ToList();
        string detail;
        if (rows.Count == 1)
        {
            detail = $"conflict with {rows[0].Manager}: {rows[0].Path}";
        }
        else
        {
            var lines = new List<string>();
            foreach (var group in rows.GroupBy(r => r.Manager))
            {
                lines.Add($"conflicts with {group.Key}:");
                lines.AddRange(group.Select(r => "- " + r.Path));
            }

            detail = string.Join('\n', lines);
        }

        var plural = rows.Count == 1 ? string.Empty : "s";
        var message = string.Format(CultureInfo.InvariantCulture, "Apply failed with {0} conflict{1}: {2}", rows.Count, plural, detail);
        var causes = rows.Select(r => new PatchCause(ConflictReason, "conflict with " + r.Manager, r.Path)).ToList();
        return new PatchException(409, message, causes);
    }
}
