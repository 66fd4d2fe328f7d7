namespace NodeIpam.Runtime.Informers;

/// <summary>A registered <c>Action&lt;InformerSetup&lt;TEntity&gt;&gt;</c> for one kind, applied when its informer is created.</summary>
internal sealed record InformerConfiguration(Type EntityType, Delegate Configure);
