namespace OciOperator.Sandbox.Kube;

/// <summary>
/// One resource request as an audit log or an RBAC authorizer sees it: who asked (the User-Agent), the Kubernetes
/// verb (<c>get</c>, <c>list</c>, <c>watch</c>, <c>create</c>, <c>update</c>, <c>patch</c>, <c>delete</c>,
/// <c>deletecollection</c>) and the resource. Never a body or a header value other than the User-Agent.
/// </summary>
/// <param name="UserAgent">The request's User-Agent header (empty when it sent none).</param>
/// <param name="Verb">The RBAC verb of the request.</param>
/// <param name="Group">API group; empty for the core group.</param>
/// <param name="Resource">The plural resource name, e.g. <c>dbsystems</c>.</param>
/// <param name="Subresource">e.g. <c>status</c>; null for the resource itself.</param>
/// <param name="Namespace">The namespace of a namespaced request; null for cluster-wide ones.</param>
/// <param name="Name">The object's name; null for lists, watches of a collection and creates.</param>
public sealed record ApiRequestRecord(
    string UserAgent,
    string Verb,
    string Group,
    string Resource,
    string? Subresource,
    string? Namespace,
    string? Name);
