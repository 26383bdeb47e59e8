namespace OciOperator.Sandbox.Kube.Storage;

/// <summary>The indexes the garbage collector works from.</summary>
internal sealed partial class ObjectStore
{
    /// <summary>Objects that carry a deletionTimestamp (waiting for finalizers).</summary>
    public IReadOnlyList<ObjectRef> DeletingObjects()
    {
        lock (Gate)
        {
            return [.. _deleting];
        }
    }

    /// <summary>Objects whose ownerReferences name <paramref name="ownerUid"/>.</summary>
    public IReadOnlyList<ObjectRef> DependentsOf(string ownerUid)
    {
        lock (Gate)
        {
            return _dependents.TryGetValue(ownerUid, out var set) ? [.. set] : [];
        }
    }

    /// <summary>
    /// Takes the pending garbage-collection work: objects written with ownerReferences (to check their owners exist)
    /// and the dependents of owners removed since the last call.
    /// </summary>
    public IReadOnlyList<ObjectRef> TakeOwnerChecks()
    {
        lock (Gate)
        {
            var list = new List<ObjectRef>(_ownerChecks);
            _ownerChecks.Clear();
            foreach (var uid in _removedUids)
            {
                if (_dependents.TryGetValue(uid, out var set))
                {
                    list.AddRange(set);
                }
            }

            _removedUids.Clear();
            return list;
        }
    }

    public bool HasPendingGarbage
    {
        get
        {
            lock (Gate)
            {
                return _ownerChecks.Count > 0 || _removedUids.Count > 0 || _deleting.Count > 0;
            }
        }
    }
}
