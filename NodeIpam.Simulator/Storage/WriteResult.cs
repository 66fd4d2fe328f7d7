namespace NodeIpam.Simulator.Storage;

/// <summary>The object after a write (or, for a delete, its final state) and whether anything changed.</summary>
internal sealed record WriteResult(StoredObject? Object, bool Created, bool Deleted, bool Changed);
