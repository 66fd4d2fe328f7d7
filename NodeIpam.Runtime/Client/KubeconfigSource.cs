namespace NodeIpam.Runtime.Client;

/// <summary>Where the client's configuration came from.</summary>
internal enum KubeconfigSource
{
    /// <summary>The file the operator was told to use.</summary>
    ExplicitFile,

    /// <summary>The files listed in KUBECONFIG, merged as kubectl merges them.</summary>
    EnvironmentFiles,

    /// <summary>~/.kube/config.</summary>
    HomeFile,

    /// <summary>The pod's service account token and CA, with KUBERNETES_SERVICE_HOST/PORT.</summary>
    InCluster,
}
