"""Trained models kept in the database (the section classifier, the spam filter): every worker
uses the newest version, unpickled once per process."""

import pickle
from datetime import datetime

# One model per kind of version, the newest, keyed by id and creation time (a restored database
# may reuse an id).
_loaded: dict[str, tuple[tuple[int, datetime], object]] = {}


def newest(versions) -> tuple[int, float, object] | None:
    """(id, threshold, model) of the newest row of `versions` (a queryset of a model with
    created_at, threshold and a pickled `model`), or None before the first is trained. The
    newest by id: created_at may come from the trainer's clock."""
    versions = versions.order_by("-id")
    row = versions.values_list("id", "created_at", "threshold").first()
    if row is None:
        return None
    version_id, created_at, threshold = row
    kind = versions.model._meta.label
    kept = _loaded.get(kind)
    if kept is None or kept[0] != (version_id, created_at):
        blob = versions.filter(pk=version_id).values_list("model", flat=True).first()
        if blob is None:
            return None  # deleted meanwhile by a newer training
        # The database is as trusted as the code: only the trainer writes these bytes.
        _loaded[kind] = ((version_id, created_at), pickle.loads(bytes(blob)))
    return version_id, threshold, _loaded[kind][1]
