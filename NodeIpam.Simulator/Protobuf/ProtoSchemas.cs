namespace NodeIpam.Simulator.Protobuf;

/// <summary>
/// The k8s.io/api generated.proto field numbers of the kinds kubectl sends as protobuf from imperative
/// commands (create namespace, create service, create configmap/secret). Unknown fields are skipped.
/// </summary>
internal static class ProtoSchemas
{
    private static readonly ProtoMessage OwnerReference = new ProtoMessage()
        .Add(1, "kind", ProtoKind.String).Add(3, "name", ProtoKind.String).Add(4, "uid", ProtoKind.String)
        .Add(5, "apiVersion", ProtoKind.String).Add(6, "controller", ProtoKind.Bool).Add(7, "blockOwnerDeletion", ProtoKind.Bool);

    private static readonly ProtoMessage ObjectMeta = new ProtoMessage()
        .Add(1, "name", ProtoKind.String).Add(2, "generateName", ProtoKind.String).Add(3, "namespace", ProtoKind.String)
        .Add(5, "uid", ProtoKind.String).Add(6, "resourceVersion", ProtoKind.String).Add(7, "generation", ProtoKind.Int)
        .Add(11, "labels", ProtoKind.StringMap).Add(12, "annotations", ProtoKind.StringMap)
        .Add(13, "ownerReferences", ProtoKind.Message, repeated: true, OwnerReference).Add(14, "finalizers", ProtoKind.String, repeated: true);

    private static readonly ProtoMessage ServicePort = new ProtoMessage()
        .Add(1, "name", ProtoKind.String).Add(2, "protocol", ProtoKind.String).Add(3, "port", ProtoKind.Int)
        .Add(4, "targetPort", ProtoKind.IntOrString).Add(5, "nodePort", ProtoKind.Int).Add(6, "appProtocol", ProtoKind.String);

    private static readonly ProtoMessage ServiceSpec = new ProtoMessage()
        .Add(1, "ports", ProtoKind.Message, repeated: true, ServicePort).Add(2, "selector", ProtoKind.StringMap)
        .Add(3, "clusterIP", ProtoKind.String).Add(4, "type", ProtoKind.String).Add(5, "externalIPs", ProtoKind.String, repeated: true)
        .Add(7, "sessionAffinity", ProtoKind.String).Add(8, "loadBalancerIP", ProtoKind.String)
        .Add(9, "loadBalancerSourceRanges", ProtoKind.String, repeated: true).Add(10, "externalName", ProtoKind.String)
        .Add(11, "externalTrafficPolicy", ProtoKind.String).Add(12, "healthCheckNodePort", ProtoKind.Int)
        .Add(13, "publishNotReadyAddresses", ProtoKind.Bool);

    private static readonly ProtoMessage Service = new ProtoMessage()
        .Add(1, "metadata", ProtoKind.Message, message: ObjectMeta).Add(2, "spec", ProtoKind.Message, message: ServiceSpec);

    private static readonly ProtoMessage Namespace = new ProtoMessage()
        .Add(1, "metadata", ProtoKind.Message, message: ObjectMeta)
        .Add(2, "spec", ProtoKind.Message, message: new ProtoMessage().Add(1, "finalizers", ProtoKind.String, repeated: true));

    private static readonly ProtoMessage ConfigMap = new ProtoMessage()
        .Add(1, "metadata", ProtoKind.Message, message: ObjectMeta).Add(2, "data", ProtoKind.StringMap)
        .Add(3, "binaryData", ProtoKind.BytesMap).Add(4, "immutable", ProtoKind.Bool);

    private static readonly ProtoMessage Secret = new ProtoMessage()
        .Add(1, "metadata", ProtoKind.Message, message: ObjectMeta).Add(2, "data", ProtoKind.BytesMap)
        .Add(3, "type", ProtoKind.String).Add(4, "stringData", ProtoKind.StringMap).Add(5, "immutable", ProtoKind.Bool);

    private static readonly ProtoMessage ServiceAccount = new ProtoMessage()
        .Add(1, "metadata", ProtoKind.Message, message: ObjectMeta);

    /// <summary>The schema of a kind by apiVersion and kind, or null when the simulator cannot decode it.</summary>
    public static ProtoMessage? For(string apiVersion, string kind) => (apiVersion, kind) switch
    {
        ("v1", "Service") => Service,
        ("v1", "Namespace") => Namespace,
        ("v1", "ConfigMap") => ConfigMap,
        ("v1", "Secret") => Secret,
        ("v1", "ServiceAccount") => ServiceAccount,
        _ => null,
    };
}
