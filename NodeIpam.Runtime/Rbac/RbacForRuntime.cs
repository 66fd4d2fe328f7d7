using k8s.Models;

namespace NodeIpam.Runtime.Rbac;

/// <summary>
/// The runtime's own needs, declared where the generator finds them: the leader-election Lease (in the
/// operator's namespace only), the Events the recorder writes (on objects anywhere in the cluster), and the
/// TokenReviews and SubjectAccessReviews that check who scrapes /metrics (controller-runtime's metrics filter needs
/// the same two).
/// </summary>
[EntityRbac(typeof(V1Lease), RbacVerb.Get | RbacVerb.Create | RbacVerb.Update, Namespaced = true)]
[EntityRbac(typeof(Eventsv1Event), RbacVerb.Create | RbacVerb.Patch)]
[EntityRbac(typeof(V1TokenReview), RbacVerb.Create)]
[EntityRbac(typeof(V1SubjectAccessReview), RbacVerb.Create)]
internal static class RbacForRuntime;
