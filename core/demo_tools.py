"""Helpers for each app's ``demo.py``: idempotent pages and linked
translations, with progress on the command's output."""

from dataclasses import dataclass

from django.conf import settings
from wagtail.models import Page

from core import demo_catalogue, demo_ids

TARGET_LANGUAGES = [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]


@dataclass
class DemoContext:
    stdout: object
    style: object
    verbosity: int = 1

    def step(self, message: str) -> None:
        if self.verbosity:
            self.stdout.write(f"  {message}")

    def translate(self, instance):
        """Translate ``instance`` into every other language from the demo's
        PO catalogues (``core.demo_catalogue``); its picture goes along.
        Returns the translations."""
        from core.demo_pictures import prepare

        prepare(instance, {})
        results = demo_catalogue.translate(instance, TARGET_LANGUAGES)
        self.step(f"translated {instance} into {', '.join(TARGET_LANGUAGES)}")
        return results


def ensure_page(
    parent: Page, model, slug: str | None = None, *, publish=True, move=False, **fields
) -> Page:
    """The one page builder of the demo and the tests: the child of
    ``parent`` with ``slug``, created or brought up to date with ``fields``
    (plain fields, many-to-many lists, child objects such as a paper's
    authors), and published.

    With ``move``, a page of ``model`` with ``slug`` that an earlier run put
    elsewhere in the same language tree is moved under ``parent`` with its
    translations.
    Blocks and translatable children get stable ids (``core.demo_ids``).
    Running it twice changes nothing: a live page whose content is already
    ``fields`` is not published again (so its translations are not redone).
    Without ``slug`` a new page is always made (slug from the title); with
    ``publish=False``, a draft that was never live, as the admin makes it."""
    page = None
    if slug is not None:
        page = parent.get_children().filter(slug=slug).specific().first()
        if page is None and move:
            page = _move_into(parent, model, slug)
    if page is None:
        page = model(**({"slug": slug} if slug else {}), **({} if publish else {"live": False}))
        _set(page, fields)
        if slug:
            demo_ids.apply(page)
        parent.add_child(instance=page)
    else:
        before = content_of(page)
        _set(page, fields)
        demo_ids.apply(page)
        if publish:
            return publish_if_changed(page, before)
    revision = page.save_revision()
    if publish:
        revision.publish()
    page.refresh_from_db()
    return page


def _set(page: Page, fields: dict) -> None:
    for name, value in fields.items():
        current = getattr(page, name, None)
        if (
            isinstance(value, list)
            and hasattr(current, "all")
            and value
            and hasattr(value[0], "pk")
        ):
            # Child objects (a paper's authors) keep their rows by position,
            # and with them their translations.
            for old, new in zip(current.all(), value, strict=False):
                if new.pk is None and type(old) is type(new):
                    new.pk = old.pk
        setattr(page, name, value)


def _move_into(parent: Page, model, slug: str):
    """A page of ``model`` with ``slug`` made by an earlier run elsewhere in
    the same language tree, moved under ``parent`` with its translations
    (each under the parent's translation in its language); or None."""
    page = model.objects.filter(locale_id=parent.locale_id, slug=slug).first()
    if page is None:
        return None
    translations = list(page.get_translations())
    page.move(parent, pos="last-child")
    for translation in translations:
        target = parent.get_translation_or_none(translation.locale)
        if target is not None and not translation.is_child_of(target):
            translation.move(target, pos="last-child")
    return model.objects.get(pk=page.pk)


def publish_if_changed(page: Page, before: str) -> Page:
    """Publish ``page`` unless it is live and its content still equals
    ``before`` (a ``content_of`` taken before the demo set its fields)."""
    if page.live and not page.has_unpublished_changes and content_of(page) == before:
        # As stored: PostgreSQL's jsonb orders a block's keys its own way,
        # and the translation source compares the page's JSON as text.
        page.refresh_from_db()
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
