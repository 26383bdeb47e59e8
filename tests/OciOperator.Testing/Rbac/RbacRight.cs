namespace OciOperator.Testing.Rbac;

/// <summary>One right: a verb on a resource (<c>plural</c> or <c>plural/subresource</c>) of an API group ("" = core).</summary>
public sealed record RbacRight(string Group, string Resource, string Verb)
{
    public override string ToString() => $"{Verb} {(Group.Length == 0 ? "core" : Group)}/{Resource}";
}
