"""Rows read by our own query, kept where Django's ``prefetch_related``
keeps them, so that ``instance.<relation>.all()`` reads them without a query."""

from django.db.models import QuerySet


def keep_prefetched(instance, name: str, rows: list, model=None) -> None:
    """Keep ``rows`` as ``instance``'s prefetched ``name`` relation."""
    model = model or type(instance)._meta.get_field(name).related_model
    kept = QuerySet(model=model, using=instance._state.db or "default")
    kept._result_cache = list(rows)
    kept._prefetch_done = True
    instance.__dict__.setdefault("_prefetched_objects_cache", {})[name] = kept
