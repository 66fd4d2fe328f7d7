using k8s.Models;

namespace NodeIpam.Runtime.Rbac;

/// <summary>
/// The runtime's own needs, declared where the generator finds them: the leader-election Lease (in the
/// operator's namespace only) and the Events the recorder writes (on objects anywhere in the cluster).
/// </summary>
[EntityRbac(typeof(V1Lease), RbacVerb.Get | RbacVerb.Create | RbacVerb.Update, Namespaced = true)]
[EntityRbac(typeof(Eventsv1Event), RbacVerb.Create | RbacVerb.Patch)]
internal static class RbacForRuntime;
