namespace NodeIpam.Runtime.Informers;

/// <summary>
/// What an informer keeps of one object: its key and resourceVersion (read from the object as listed or watched,
/// before the adapter runs) and the cached value the adapter made of it. The value need not be a Kubernetes object,
/// so a cache can hold small records of just what its readers use.
/// </summary>
internal readonly record struct CacheEntry<TCached>(ObjectKey Key, string? ResourceVersion, TCached Value);
