namespace OciOperator.Sandbox.Kube.Protobuf;

/// <summary>
/// Descriptors of the built-in kinds kubectl's generators send as protobuf (<c>kubectl create namespace|secret|
/// configmap|serviceaccount|service|deployment|job</c>; fields kubectl's generators do not send are skipped), with field numbers from <c>k8s.io/api/core/v1/generated.proto</c> and
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

    private static readonly ProtoMessage LabelSelector = new(new Dictionary<int, ProtoField>
    {
        [1] = new("matchLabels", ProtoFieldType.StringMap),
        [2] = new("matchExpressions", ProtoFieldType.Message, Repeated: true, new ProtoMessage(new Dictionary<int, ProtoField>
        {
            [1] = new("key", ProtoFieldType.String),
            [2] = new("operator", ProtoFieldType.String),
            [3] = new("values", ProtoFieldType.String, Repeated: true),
        })),
    });

    private static readonly ProtoMessage Container = new(new Dictionary<int, ProtoField>
    {
        [1] = new("name", ProtoFieldType.String),
        [2] = new("image", ProtoFieldType.String),
        [3] = new("command", ProtoFieldType.String, Repeated: true),
        [4] = new("args", ProtoFieldType.String, Repeated: true),
        [5] = new("workingDir", ProtoFieldType.String),
        [6] = new("ports", ProtoFieldType.Message, Repeated: true, new ProtoMessage(new Dictionary<int, ProtoField>
        {
            [1] = new("name", ProtoFieldType.String),
            [2] = new("hostPort", ProtoFieldType.Int64),
            [3] = new("containerPort", ProtoFieldType.Int64),
            [4] = new("protocol", ProtoFieldType.String),
            [5] = new("hostIP", ProtoFieldType.String),
        })),
        [7] = new("env", ProtoFieldType.Message, Repeated: true, new ProtoMessage(new Dictionary<int, ProtoField>
        {
            [1] = new("name", ProtoFieldType.String),
            [2] = new("value", ProtoFieldType.String),
        })),
        [13] = new("terminationMessagePath", ProtoFieldType.String),
        [14] = new("imagePullPolicy", ProtoFieldType.String),
        [20] = new("terminationMessagePolicy", ProtoFieldType.String),
    });

    private static readonly ProtoMessage PodTemplate = new(new Dictionary<int, ProtoField>
    {
        [1] = new("metadata", ProtoFieldType.Message, Message: ObjectMeta),
        [2] = new("spec", ProtoFieldType.Message, Message: new ProtoMessage(new Dictionary<int, ProtoField>
        {
            [2] = new("containers", ProtoFieldType.Message, Repeated: true, Container),
            [3] = new("restartPolicy", ProtoFieldType.String),
            [4] = new("terminationGracePeriodSeconds", ProtoFieldType.Int64),
            [5] = new("activeDeadlineSeconds", ProtoFieldType.Int64),
            [6] = new("dnsPolicy", ProtoFieldType.String),
            [7] = new("nodeSelector", ProtoFieldType.StringMap),
            [8] = new("serviceAccountName", ProtoFieldType.String),
            [10] = new("nodeName", ProtoFieldType.String),
            [15] = new("imagePullSecrets", ProtoFieldType.Message, Repeated: true, NameOnly),
            [19] = new("schedulerName", ProtoFieldType.String),
            [20] = new("initContainers", ProtoFieldType.Message, Repeated: true, Container),
        })),
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
        ["v1/Service"] = new(new Dictionary<int, ProtoField>
        {
            [1] = new("metadata", ProtoFieldType.Message, Message: ObjectMeta),
            [2] = new("spec", ProtoFieldType.Message, Message: new ProtoMessage(new Dictionary<int, ProtoField>
            {
                [1] = new("ports", ProtoFieldType.Message, Repeated: true, new ProtoMessage(new Dictionary<int, ProtoField>
                {
                    [1] = new("name", ProtoFieldType.String),
                    [2] = new("protocol", ProtoFieldType.String),
                    [3] = new("port", ProtoFieldType.Int64),
                    [4] = new("targetPort", ProtoFieldType.IntOrString),
                    [5] = new("nodePort", ProtoFieldType.Int64),
                    [6] = new("appProtocol", ProtoFieldType.String),
                })),
                [2] = new("selector", ProtoFieldType.StringMap),
                [3] = new("clusterIP", ProtoFieldType.String),
                [4] = new("type", ProtoFieldType.String),
                [5] = new("externalIPs", ProtoFieldType.String, Repeated: true),
                [7] = new("sessionAffinity", ProtoFieldType.String),
                [8] = new("loadBalancerIP", ProtoFieldType.String),
                [10] = new("externalName", ProtoFieldType.String),
            })),
        }),
        ["apps/v1/Deployment"] = new(new Dictionary<int, ProtoField>
        {
            [1] = new("metadata", ProtoFieldType.Message, Message: ObjectMeta),
            [2] = new("spec", ProtoFieldType.Message, Message: new ProtoMessage(new Dictionary<int, ProtoField>
            {
                [1] = new("replicas", ProtoFieldType.Int64),
                [2] = new("selector", ProtoFieldType.Message, Message: LabelSelector),
                [3] = new("template", ProtoFieldType.Message, Message: PodTemplate),
                [5] = new("minReadySeconds", ProtoFieldType.Int64),
                [6] = new("revisionHistoryLimit", ProtoFieldType.Int64),
                [7] = new("paused", ProtoFieldType.Bool),
                [9] = new("progressDeadlineSeconds", ProtoFieldType.Int64),
            })),
        }),
        ["batch/v1/Job"] = new(new Dictionary<int, ProtoField>
        {
            [1] = new("metadata", ProtoFieldType.Message, Message: ObjectMeta),
            [2] = new("spec", ProtoFieldType.Message, Message: new ProtoMessage(new Dictionary<int, ProtoField>
            {
                [1] = new("parallelism", ProtoFieldType.Int64),
                [2] = new("completions", ProtoFieldType.Int64),
                [3] = new("activeDeadlineSeconds", ProtoFieldType.Int64),
                [4] = new("selector", ProtoFieldType.Message, Message: LabelSelector),
                [6] = new("template", ProtoFieldType.Message, Message: PodTemplate),
                [7] = new("backoffLimit", ProtoFieldType.Int64),
                [8] = new("ttlSecondsAfterFinished", ProtoFieldType.Int64),
                [9] = new("completionMode", ProtoFieldType.String),
                [10] = new("suspend", ProtoFieldType.Bool),
            })),
        }),
        ["authorization.k8s.io/v1/SelfSubjectAccessReview"] = new(new Dictionary<int, ProtoField>
        {
            [1] = new("metadata", ProtoFieldType.Message, Message: ObjectMeta),
            [2] = new("spec", ProtoFieldType.Message, Message: new ProtoMessage(new Dictionary<int, ProtoField>
            {
                [1] = new("resourceAttributes", ProtoFieldType.Message, Message: new ProtoMessage(new Dictionary<int, ProtoField>
                {
                    [1] = new("namespace", ProtoFieldType.String),
                    [2] = new("verb", ProtoFieldType.String),
                    [3] = new("group", ProtoFieldType.String),
                    [4] = new("version", ProtoFieldType.String),
                    [5] = new("resource", ProtoFieldType.String),
                    [6] = new("subresource", ProtoFieldType.String),
                    [7] = new("name", ProtoFieldType.String),
                })),
                [2] = new("nonResourceAttributes", ProtoFieldType.Message, Message: new ProtoMessage(new Dictionary<int, ProtoField>
                {
                    [1] = new("path", ProtoFieldType.String),
                    [2] = new("verb", ProtoFieldType.String),
                })),
            })),
        }),
        ["authorization.k8s.io/v1/SelfSubjectRulesReview"] = new(new Dictionary<int, ProtoField>
        {
            [1] = new("metadata", ProtoFieldType.Message, Message: ObjectMeta),
            [3] = new("spec", ProtoFieldType.Message, Message: new ProtoMessage(new Dictionary<int, ProtoField>
            {
                [1] = new("namespace", ProtoFieldType.String),
            })),
        }),
        ["autoscaling/v1/HorizontalPodAutoscaler"] = new(new Dictionary<int, ProtoField>
        {
            [1] = new("metadata", ProtoFieldType.Message, Message: ObjectMeta),
            [2] = new("spec", ProtoFieldType.Message, Message: new ProtoMessage(new Dictionary<int, ProtoField>
            {
                [1] = new("scaleTargetRef", ProtoFieldType.Message, Message: new ProtoMessage(new Dictionary<int, ProtoField>
                {
                    [1] = new("kind", ProtoFieldType.String),
                    [2] = new("name", ProtoFieldType.String),
                    [3] = new("apiVersion", ProtoFieldType.String),
                })),
                [2] = new("minReplicas", ProtoFieldType.Int64),
                [3] = new("maxReplicas", ProtoFieldType.Int64),
                [4] = new("targetCPUUtilizationPercentage", ProtoFieldType.Int64),
            })),
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
