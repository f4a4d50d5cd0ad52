"""Helpers for each app's ``demo.py``: idempotent pages and linked
translations, with progress on the command's output."""

from collections.abc import Mapping
from dataclasses import dataclass

from django.conf import settings
from wagtail.models import Page

from core.translation import strings_for, translate_into

TARGET_LANGUAGES = [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]


@dataclass
class DemoContext:
    stdout: object
    style: object
    verbosity: int = 1

    def step(self, message: str) -> None:
        if self.verbosity:
            self.stdout.write(f"  {message}")

    def translate(self, instance, table: Mapping[str, Mapping[str, str]]):
        """Translate ``instance`` into every other language; ``table`` maps
        English strings to ``{language: text}``. Returns the translations."""
        from core.demo_pictures import prepare  # the page's picture goes along

        table, _changed = prepare(instance, table)
        results = translate_into(
            instance, {code: strings_for(table, code) for code in TARGET_LANGUAGES}
        )
        self.step(f"translated {instance} into {', '.join(TARGET_LANGUAGES)}")
        return results


def ensure_page(parent: Page, model, slug: str, **fields) -> Page:
    """The child of ``parent`` with ``slug``, created or brought up to date
    with ``fields``, and published. Running it twice changes nothing: a live
    page whose content is already ``fields`` is not published again (which
    also keeps its translations up to date, so they are not redone)."""
    existing = parent.get_children().filter(slug=slug).first()
    if existing is None:
        page = model(slug=slug, **fields)
        parent.add_child(instance=page)
    else:
        page = existing.specific
        before = content_of(page)
        for name, value in fields.items():
            setattr(page, name, value)
        return publish_if_changed(page, before)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def publish_if_changed(page: Page, before: str) -> Page:
    """Publish ``page`` unless it is live and its content still equals
    ``before`` (a ``content_of`` taken before the demo set its fields)."""
    if page.live and not page.has_unpublished_changes and content_of(page) == before:
        return page
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def content_of(page: Page) -> str:
    """The page's content as Wagtail serialises it into a revision, less the
    random ids that StreamField gives blocks built from plain data."""
    import contextlib
    import json

    from django.core.serializers.json import DjangoJSONEncoder

    def without_block_ids(value):
        if isinstance(value, str) and value.startswith("[{"):
            # A StreamField; PostgreSQL's jsonb puts "id" before "type".
            with contextlib.suppress(ValueError):
                value = json.loads(value)
        if isinstance(value, dict):
            return {
                k: without_block_ids(v)
                for k, v in value.items()
                if k != "id" or "type" not in value
            }
        if isinstance(value, list):
            return [without_block_ids(v) for v in value]
        return value

    data = without_block_ids(page.serializable_data())
    return json.dumps(data, cls=DjangoJSONEncoder, sort_keys=True)
