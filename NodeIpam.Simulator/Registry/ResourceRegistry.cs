using System.Text.Json.Nodes;
using NodeIpam.Simulator.Api;
using NodeIpam.Simulator.Defaults;
using NodeIpam.Simulator.Storage;

namespace NodeIpam.Simulator.Registry;

/// <summary>
/// The API server's generic registry: create, update, patch and delete with system metadata, preconditions,
/// defaults, validation, the status subresource and finalizers. HTTP and direct seeding both go through here.
/// </summary>
internal sealed class ResourceRegistry(ObjectStore store, StrategyTable strategies, TimeProvider time)
{
    public ObjectStore Store => store;

    public StoredObject Get(ResourceType type, string ns, string name) =>
        store.Get(type, ns, name) ?? throw ApiError.NotFound(type, name);

    public StoredObject Create(ResourceType type, string ns, JsonObject obj, WriteOptions options)
    {
        ObjectPreparation.CheckTypeAndNamespace(type, ns, obj);
        ObjectPreparation.ResolveGenerateName(obj);
        var name = Meta.Name(obj);
        StoredObject? dry = null;
        var result = store.Write(type, ns, name, current =>
        {
            if (current is not null)
            {
                throw ApiError.AlreadyExists(type, name);
            }

            var next = PrepareCreate(type, ns, obj, options);
            if (options.DryRun)
            {
                dry = new StoredObject(type, next, 0);
                return WriteDecision.Nothing;
            }

            return WriteDecision.Put(next);
        });
        return dry ?? result.Object!;
    }

    /// <summary>PUT: replaces the object (or only its status for the status subresource).</summary>
    public StoredObject Update(ResourceType type, string ns, string name, string? subresource, JsonObject obj, WriteOptions options)
    {
        ObjectPreparation.CheckTypeAndNamespace(type, ns, obj);
        var bodyName = Meta.Name(obj);
        if (bodyName != name)
        {
            throw ApiError.BadRequest($"the name of the object ({bodyName}) does not match the name on the URL ({name})");
        }

        return Modify(type, ns, name, subresource, options, createIfMissing: type.AllowCreateOnUpdate && subresource is null, current =>
        {
            WriteChecks.ResourceVersion(type, name, obj, current);
            return obj;
        }, () => obj);
    }

    /// <summary>PATCH: <paramref name="patch"/> turns the current object into the desired one.</summary>
    public StoredObject Patch(ResourceType type, string ns, string name, string? subresource, Func<JsonObject, JsonObject> patch, bool createIfMissing, WriteOptions options) =>
        Modify(type, ns, name, subresource, options, createIfMissing && subresource is null, current =>
        {
            var patched = patch(current.ToNode());
            WriteChecks.ResourceVersion(type, name, patched, current);
            ObjectPreparation.CheckTypeAndNamespace(type, ns, patched);
            return patched;
        }, () =>
        {
            var created = patch([]);
            ObjectPreparation.CheckTypeAndNamespace(type, ns, created);
            Meta.Metadata(created)["name"] = name;
            return created;
        });

    /// <summary>DELETE: removes the object, or marks it deleting while finalizers remain.</summary>
    public (StoredObject Object, bool Deleted) Delete(ResourceType type, string ns, string name, JsonObject? deleteOptions, WriteOptions options)
    {
        if (type == ResourceCatalog.Namespaces && !options.DryRun)
        {
            DeleteNamespaceContents(name);
        }

        var strategy = strategies.For(type);
        StoredObject? dry = null;
        var result = store.Write(type, ns, name, current =>
        {
            if (current is null)
            {
                throw ApiError.NotFound(type, name);
            }

            var node = current.ToNode();
            WriteChecks.Preconditions(type, name, deleteOptions, node, current);
            var decision = DeleteDecision(type, node);
            if (options.DryRun)
            {
                dry = current;
                return WriteDecision.Nothing;
            }

            if (decision.Action == WriteAction.Delete)
            {
                strategy.Released(node);
            }

            return decision;
        });
        return dry is not null ? (dry, false) : (result.Object!, result.Deleted);
    }

    private StoredObject Modify(ResourceType type, string ns, string name, string? subresource, WriteOptions options, bool createIfMissing, Func<StoredObject, JsonObject> desired, Func<JsonObject> forCreate)
    {
        StoredObject? dry = null;
        var result = store.Write(type, ns, name, current =>
        {
            if (current is null)
            {
                if (!createIfMissing)
                {
                    throw ApiError.NotFound(type, name);
                }

                var created = PrepareCreate(type, ns, forCreate(), options);
                dry = options.DryRun ? new StoredObject(type, created, 0) : null;
                return options.DryRun ? WriteDecision.Nothing : WriteDecision.Put(created);
            }

            var decision = PrepareUpdate(type, current, desired(current), subresource, options);
            if (options.DryRun)
            {
                dry = decision.Next is null ? current : new StoredObject(type, decision.Next, current.ResourceVersion);
                return WriteDecision.Nothing;
            }

            return decision;
        });
        return dry ?? result.Object!;
    }

    private JsonObject PrepareCreate(ResourceType type, string ns, JsonObject obj, WriteOptions options)
    {
        var name = Meta.Name(obj);
        if (type.Namespaced && store.Get(ResourceCatalog.Namespaces, "", ns) is null)
        {
            throw ApiError.NamespaceNotFound(ns);
        }

        var meta = Meta.Metadata(obj);
        meta["uid"] = Guid.NewGuid().ToString();
        meta["creationTimestamp"] = ObjectPreparation.Timestamp(time);
        foreach (var field in (string[])["resourceVersion", "deletionTimestamp", "deletionGracePeriodSeconds", "selfLink", "managedFields"])
        {
            meta.Remove(field);
        }

        if (type.HasGeneration)
        {
            meta["generation"] = 1;
        }
        else
        {
            meta.Remove("generation");
        }

        if (type.ResetStatusOnCreate && !options.KeepStatus)
        {
            obj.Remove("status");
        }

        var strategy = strategies.For(type);
        strategy.PrepareForCreate(obj);
        strategy.PrepareForStatusUpdate(obj, obj);
        WriteChecks.Valid(type, name, strategy.Validate(obj, null));
        return obj;
    }

    private WriteDecision PrepareUpdate(ResourceType type, StoredObject stored, JsonObject next, string? subresource, WriteOptions options)
    {
        var strategy = strategies.For(type);
        var current = stored.ToNode();
        JsonObject result;
        if (subresource == "status")
        {
            result = current.DeepClone().AsObject();
            SetOrRemove(result, "status", next["status"]);
            strategy.PrepareForStatusUpdate(result, current);
        }
        else
        {
            result = next;
            ObjectPreparation.KeepSystemMetadata(result, current);
            if (type.HasStatus && !options.KeepStatus)
            {
                SetOrRemove(result, "status", current["status"]);
            }

            WriteChecks.NoNewFinalizers(type, current, result);
            strategy.PrepareForUpdate(result, current);
            if (options.KeepStatus)
            {
                strategy.PrepareForStatusUpdate(result, current);
            }
        }

        if (type.HasGeneration && !JsonNode.DeepEquals(result["spec"], current["spec"]))
        {
            Meta.Metadata(result)["generation"] = (current["metadata"]?["generation"]?.GetValue<long>() ?? 0) + 1;
        }

        WriteChecks.Valid(type, stored.Name, strategy.Validate(result, current));
        if (current["metadata"]?["deletionTimestamp"] is not null && Meta.Finalizers(result).Count == 0)
        {
            strategy.Released(result);
            return WriteDecision.Delete;
        }

        return WriteDecision.Put(result);
    }

    private WriteDecision DeleteDecision(ResourceType type, JsonObject node)
    {
        if (Meta.Finalizers(node).Count == 0)
        {
            return WriteDecision.Delete;
        }

        var meta = Meta.Metadata(node);
        if (meta["deletionTimestamp"] is not null)
        {
            return WriteDecision.Nothing;
        }

        meta["deletionTimestamp"] = ObjectPreparation.Timestamp(time);
        meta["deletionGracePeriodSeconds"] = 0;
        if (type.HasGeneration)
        {
            meta["generation"] = (meta["generation"]?.GetValue<long>() ?? 0) + 1;
        }

        return WriteDecision.Put(node);
    }

    private void DeleteNamespaceContents(string ns)
    {
        foreach (var type in ResourceCatalog.All.Where(t => t.Namespaced))
        {
            foreach (var obj in store.All(type).Where(o => o.Namespace == ns))
            {
                store.Write(type, ns, obj.Name, _ => WriteDecision.Delete);
            }
        }
    }

    private static void SetOrRemove(JsonObject target, string property, JsonNode? value)
    {
        if (value is null)
        {
            target.Remove(property);
        }
        else
        {
            target[property] = value.DeepClone();
        }
    }
}
