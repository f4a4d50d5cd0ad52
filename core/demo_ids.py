"""Stable ids for demo pages: StreamField blocks, list items and
translatable child objects (a paper's authors) get ids derived from the
page's slug and their position instead of random ones.

wagtail-localize names a segment's context by these ids (``body.<block
id>.text``), so with stable ids the demo's PO catalogues
(``demo/locale/<lang>.po``) name the same contexts on every build."""

import uuid

from modelcluster.models import get_all_child_relations
from wagtail.fields import StreamField
from wagtail.models import TranslatableMixin

NAMESPACE = uuid.UUID("0f4e2b9a-5d3c-4c61-9a57-6a1c0de5d3a0")


def stable_id(*parts) -> str:
    return str(uuid.uuid5(NAMESPACE, "/".join(str(part) for part in parts)))


def apply(page) -> dict[str, str]:
    """Give ``page``'s blocks and translatable children their stable ids (in
    memory; the caller saves). Returns ``{old id: new id}``."""
    changes: dict[str, str] = {}
    key = f"{page._meta.label_lower}:{page.slug}"
    for field in page._meta.get_fields():
        if isinstance(field, StreamField):
            raw = field.stream_block.get_prep_value(getattr(page, field.name))
            renamed = _renumber(raw, f"{key}/{field.name}", changes)
            if renamed != raw:
                setattr(page, field.name, renamed)
    for relation in get_all_child_relations(page):
        if not issubclass(relation.related_model, TranslatableMixin):
            continue
        name = relation.get_accessor_name()
        for position, child in enumerate(getattr(page, name).all()):
            new = uuid.UUID(stable_id(key, name, position))
            changes[str(child.translation_key)] = str(new)
            child.translation_key = new
    return changes


def _renumber(value, path: str, changes: dict):
    if isinstance(value, list):
        return [_renumber(item, f"{path}.{i}", changes) for i, item in enumerate(value)]
    if isinstance(value, dict):
        result = {k: _renumber(v, f"{path}.{k}", changes) for k, v in value.items() if k != "id"}
        if "id" in value and "type" in value:
            new = stable_id(path)
            if value["id"]:
                changes[str(value["id"])] = new
            result["id"] = new
        elif "id" in value:
            result["id"] = value["id"]
        return result
    return value
