"""The parts of a document a response can be anchored to.

A guideline's steps and a policy paper's headings, findings and
recommendations, each named by its StreamField block id. wagtail-localize
keeps block ids in every translation, so an anchor means the same part in
every language; the page shows each part with ``id="part-<block id>"``."""

from django.utils.translation import gettext


def document_sections(page) -> list[tuple[str, str]]:
    """(block id, title) of each part of ``page`` (a specific page)."""
    steps = getattr(page, "steps", None)
    if steps is not None:
        return [
            (
                block.id,
                gettext("Step %(number)s: %(title)s")
                % {"number": n, "title": block.value["title"]},
            )
            for n, block in enumerate(steps, start=1)
            if block.id
        ]
    body = getattr(page, "body", None)
    if body is None:
        return []
    found = []
    for block in body:
        if not block.id:
            continue
        if block.block_type == "heading":
            found.append((block.id, str(block.value)))
        elif block.block_type in ("finding", "recommendation"):
            found.append((block.id, str(block.value["title"])))
    return found
