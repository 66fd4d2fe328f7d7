namespace NodeIpam.Operator.Caching;

/// <summary>The names the operator writes on Services (condition, reasons, events); they never change meaning.</summary>
internal static class ServiceStatusNames
{
    /// <summary>
    /// Our condition in <c>status.conditions</c>, for <c>kubectl wait</c>: a qualified name under our own domain so it
    /// never collides with another controller's condition (conditions are merged by type).
    /// </summary>
    public const string ConditionType = "nodeipam.io/AddressesAssigned";

    /// <summary>Reason of the True condition: the Service advertises at least one address.</summary>
    public const string AssignedReason = "AddressesAssigned";

    /// <summary>Reason when the selector annotation cannot be parsed; the current addresses are kept.</summary>
    public const string InvalidSelectorReason = "InvalidSelector";

    /// <summary>Reason when no address could be chosen and the domain gave no warning (not expected; a safe fallback).</summary>
    public const string NoAddressesReason = "NoAddresses";

    /// <summary>Reason of the Normal event written when the advertised addresses change.</summary>
    public const string AddressesChangedReason = "AddressesChanged";

    /// <summary>Reason of the Normal event written when our condition (and our addresses) leave a Service that is not ours any more.</summary>
    public const string ReleasedReason = "Released";

    /// <summary>The action of every event the controller records (events.k8s.io requires one).</summary>
    public const string EventAction = "AssignAddresses";

    /// <summary>Field manager of our status patches, so <c>managedFields</c> name the operator.</summary>
    public const string FieldManager = "nodeipam-operator";

    /// <summary>
    /// Longest condition message the API server accepts: metav1.Condition validation counts 32,768 bytes of UTF-8
    /// (Go's <c>len</c> of the string), not characters.
    /// </summary>
    public const int MaxConditionMessageBytes = 32768;

    /// <summary>The ingress <c>ipMode</c> we write: traffic reaches the node address itself (never Proxy).</summary>
    public const string VipMode = "VIP";
}
