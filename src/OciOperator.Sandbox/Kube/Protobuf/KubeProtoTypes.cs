namespace OciOperator.Sandbox.Kube.Protobuf;

/// <summary>
/// Descriptors of the built-in kinds kubectl's generators send as protobuf (<c>kubectl create namespace|secret|
/// configmap|serviceaccount</c>), with field numbers from <c>k8s.io/api/core/v1/generated.proto</c> and
/// <c>k8s.io/apimachinery/pkg/apis/meta/v1/generated.proto</c>.
/// </summary>
internal static class KubeProtoTypes
{
    private static readonly ProtoMessage OwnerReference = new(new Dictionary<int, ProtoField>
    {
        [1] = new("kind", ProtoFieldType.String),
        [3] = new("name", ProtoFieldType.String),
        [4] = new("uid", ProtoFieldType.String),
        [5] = new("apiVersion", ProtoFieldType.String),
        [6] = new("controller", ProtoFieldType.Bool),
        [7] = new("blockOwnerDeletion", ProtoFieldType.Bool),
    });

    private static readonly ProtoMessage ObjectMeta = new(new Dictionary<int, ProtoField>
    {
        [1] = new("name", ProtoFieldType.String),
        [2] = new("generateName", ProtoFieldType.String),
        [3] = new("namespace", ProtoFieldType.String),
        [5] = new("uid", ProtoFieldType.String),
        [6] = new("resourceVersion", ProtoFieldType.String),
        [7] = new("generation", ProtoFieldType.Int64),
        [8] = new("creationTimestamp", ProtoFieldType.Time),
        [9] = new("deletionTimestamp", ProtoFieldType.Time),
        [10] = new("deletionGracePeriodSeconds", ProtoFieldType.Int64),
        [11] = new("labels", ProtoFieldType.StringMap),
        [12] = new("annotations", ProtoFieldType.StringMap),
        [13] = new("ownerReferences", ProtoFieldType.Message, Repeated: true, OwnerReference),
        [14] = new("finalizers", ProtoFieldType.String, Repeated: true),
    });

    private static readonly ProtoMessage NameOnly = new(new Dictionary<int, ProtoField> { [1] = new("name", ProtoFieldType.String) });

    private static readonly ProtoMessage ObjectReference = new(new Dictionary<int, ProtoField>
    {
        [1] = new("kind", ProtoFieldType.String),
        [2] = new("namespace", ProtoFieldType.String),
        [3] = new("name", ProtoFieldType.String),
        [4] = new("uid", ProtoFieldType.String),
        [5] = new("apiVersion", ProtoFieldType.String),
    });

    private static readonly Dictionary<string, ProtoMessage> Kinds = new(StringComparer.Ordinal)
    {
        ["v1/Namespace"] = new(new Dictionary<int, ProtoField>
        {
            [1] = new("metadata", ProtoFieldType.Message, Message: ObjectMeta),
            [2] = new("spec", ProtoFieldType.Message, Message: new ProtoMessage(new Dictionary<int, ProtoField> { [1] = new("finalizers", ProtoFieldType.String, Repeated: true) })),
            [3] = new("status", ProtoFieldType.Message, Message: new ProtoMessage(new Dictionary<int, ProtoField> { [1] = new("phase", ProtoFieldType.String) })),
        }),
        ["v1/Secret"] = new(new Dictionary<int, ProtoField>
        {
            [1] = new("metadata", ProtoFieldType.Message, Message: ObjectMeta),
            [2] = new("data", ProtoFieldType.BytesMap),
            [3] = new("type", ProtoFieldType.String),
            [4] = new("stringData", ProtoFieldType.StringMap),
            [5] = new("immutable", ProtoFieldType.Bool),
        }),
        ["v1/ConfigMap"] = new(new Dictionary<int, ProtoField>
        {
            [1] = new("metadata", ProtoFieldType.Message, Message: ObjectMeta),
            [2] = new("data", ProtoFieldType.StringMap),
            [3] = new("binaryData", ProtoFieldType.BytesMap),
            [4] = new("immutable", ProtoFieldType.Bool),
        }),
        ["v1/ServiceAccount"] = new(new Dictionary<int, ProtoField>
        {
            [1] = new("metadata", ProtoFieldType.Message, Message: ObjectMeta),
            [2] = new("secrets", ProtoFieldType.Message, Repeated: true, ObjectReference),
            [3] = new("imagePullSecrets", ProtoFieldType.Message, Repeated: true, NameOnly),
            [4] = new("automountServiceAccountToken", ProtoFieldType.Bool),
        }),
    };

    public static ProtoMessage? For(string apiVersion, string kind) => Kinds.GetValueOrDefault(apiVersion + "/" + kind);
}
