"""ESCO concepts with their labels in one query.

A concept's words live in a labels table, one row per language
(``learning.models.esco``). Django's ``prefetch_related`` reads them with a
second query; a page that lists a few concepts (a module's skills, a path's
skills and occupations) can have them joined to the concepts instead.
"""

from django.conf import settings
from django.db.models import F, FilteredRelation, Q, QuerySet
from django.utils.translation import get_language

from core.prefetched import keep_prefetched

# What the pages read of a label: no alternative labels, no search text.
FIELDS = ("id", "concept_id", "language", "preferred_label", "description")


def languages() -> list[str]:
    """The labels a page shows: the active language's, else English."""
    current = (get_language() or settings.LANGUAGE_CODE).split("-")[0]
    return list(dict.fromkeys([current, settings.LANGUAGE_CODE]))


def with_labels(concepts: QuerySet) -> list:
    """The concepts of ``concepts``, in its order, each with its labels in
    ``languages()`` kept as a prefetch would keep them, so that ``label``,
    ``label_language`` and the like ask nothing more. One query: each
    concept comes once per label (at most two rows), joined."""
    label_model = concepts.model._meta.get_field("labels").related_model
    rows = concepts.annotate(
        picked_label=FilteredRelation("labels", condition=Q(labels__language__in=languages()))
    ).annotate(
        **{f"picked_{name}": F(f"picked_label__{name.removesuffix('_id')}") for name in FIELDS}
    )
    # from_db takes the fields in the model's order.
    names = [f.attname for f in label_model._meta.concrete_fields if f.attname in FIELDS]
    found: dict = {}
    labels: dict = {}
    for row in rows:
        found.setdefault(row.pk, row)
        kept = labels.setdefault(row.pk, [])
        if row.picked_id is not None:
            values = [getattr(row, f"picked_{name}") for name in names]
            kept.append(label_model.from_db(rows.db, names, values))
    for pk, concept in found.items():
        keep_prefetched(concept, "labels", labels[pk], label_model)
    return list(found.values())
