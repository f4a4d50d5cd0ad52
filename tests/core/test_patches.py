"""Guards of the workarounds (core/patches/, partners/signals.py): each fails
when the upstream behaviour a patch answers changes, so an upgrade makes
someone look at the patch. The patches' effects are tested elsewhere
(tests/i18n/test_relations.py, test_po.py, test_choosers.py,
tests/partners/test_permissions.py, tests/search/test_documents.py)."""

import weakref
from importlib.metadata import version
from pathlib import Path

import pytest
import wagtail.signals
from django.apps import apps
from django.db.models.signals import post_save, pre_save
from modelcluster.fields import ParentalManyToManyField
from packaging.specifiers import SpecifierSet
from wagtail.models import Page, Revision
from wagtail.search import index
from wagtail_localize.fields import copy_synchronised_fields

from core import patches
from core.localization.choosers import LocaleLabelledMultipleChoiceField
from core.localization.registry import project_apps
from core.models import Theme
from core.patches import draft_translations, locale_labels, synchronised_links
from partners import signals as partner_signals
from search import indexing

ALL = (*patches.PATCHES, partner_signals)
ROOT = Path(__file__).resolve().parents[2]
PROJECT_APPS = {c.name for c in project_apps()}
# Cache invalidation, not workarounds: any model may be shown on a page, so
# these hear every save and ask the instance (docs/performance.md).
EVERY_MODEL_ON_PURPOSE = {"core.chrome._saved", "core.pagecache.purge.on_object_changed"}


@pytest.mark.parametrize("patch", ALL, ids=lambda p: p.__name__)
def test_each_patch_was_written_for_the_installed_libraries(patch):
    outside = {
        name: version(name)
        for name, wanted in patch.WRITTEN_FOR.items()
        if version(name) not in SpecifierSet(wanted)
    }
    assert outside == {}, f"review {patch.__name__}: it was written for {patch.WRITTEN_FOR}"


@pytest.mark.parametrize("patch", ALL, ids=lambda p: p.__name__)
def test_each_patch_says_what_it_answers(patch):
    doc = patch.__doc__ or ""
    assert "Upstream:" in doc
    assert "Guard:" in doc


def _receivers(signal):
    """(receiver function, sender id) of each receiver of ``signal``."""
    for (_key, sender_key), ref, *_rest in signal.receivers:
        yield (ref() if isinstance(ref, weakref.ReferenceType) else ref), sender_key


def _project_receivers_without_sender(signal):
    return [
        f"{fn.__module__}.{fn.__name__}"
        for fn, sender_key in _receivers(signal)
        if sender_key == id(None) and fn.__module__.split(".")[0] in PROJECT_APPS
    ]


@pytest.mark.parametrize("signal", [pre_save, post_save], ids=["pre_save", "post_save"])
def test_no_project_receiver_listens_to_every_model(signal):
    assert set(_project_receivers_without_sender(signal)) <= EVERY_MODEL_ON_PURPOSE


def test_receivers_are_connected_per_concrete_model():
    from knowledgebase.models import PolicyPaperPage
    from partners.models import EducationPartnerPage, HubPage

    assert PolicyPaperPage in synchronised_links.senders()
    for model in synchronised_links.senders():
        assert pre_save.has_listeners(model)
    assert {HubPage, EducationPartnerPage} <= set(partner_signals.partner_models())
    for model in partner_signals.partner_models() + partner_signals.root_models():
        assert post_save.has_listeners(model)
    assert (draft_translations.keep_live_row_on_draft, id(Revision)) in _receivers(post_save)


@pytest.mark.django_db
def test_wagtail_localize_still_copies_synchronised_links_unchanged(locales):
    """The bug synchronised_links answers, exercised on wagtail-localize alone."""
    english = Theme.objects.get(locale=locales["en"], slug="finance")
    german = english.copy_for_translation(locales["de"])
    german.save()
    model = next(m for m in synchronised_links.senders() if _has_themes(m))
    page = model(title="Source", slug="source", locale=locales["en"])
    page.themes = [english]
    translation = model(title="Quelle", slug="quelle", locale=locales["de"])

    copy_synchronised_fields(page, translation)
    assert list(translation.themes.all()) == [english]  # upstream: still English

    synchronised_links.localize_page_relations(model, translation)
    assert list(translation.themes.all()) == [german]  # the patch's answer


def _has_themes(model) -> bool:
    return any(
        isinstance(f, ParentalManyToManyField) and f.name == "themes"
        for f in model._meta.get_fields()
    )


def test_wagtail_still_offers_plain_choices_for_parental_many_to_many():
    """Upstream's default form field, asked of Wagtail's registry with the
    patch's entry set aside: none, so Django's plain multiple choice."""
    from wagtail.admin.forms.models import registry

    patched = registry.get_by_type(ParentalManyToManyField)
    assert patched["form_class"] is LocaleLabelledMultipleChoiceField
    saved = registry.values_by_class.pop(ParentalManyToManyField)
    try:
        assert registry.get_by_type(ParentalManyToManyField) is None
    finally:
        registry.values_by_class[ParentalManyToManyField] = saved
    assert locale_labels.WRITTEN_FOR["wagtail"]


def test_wagtail_still_has_no_page_created_signal():
    """partners/signals.py uses post_save because of this."""
    names = {n for n in dir(wagtail.signals) if not n.startswith("_")}
    assert not {n for n in names if "created" in n or "create" in n}


def test_pages_with_a_document_index_its_text():
    """search/apps.py used to add the document's text to pages at start-up;
    each page type now declares it."""
    missing = []
    for model in apps.get_models():
        if not (issubclass(model, Page) and indexing.has_document(model)):
            continue
        declared = [
            f
            for f in model.search_fields
            if isinstance(f, index.RelatedFields) and f.field_name == "document"
        ]
        if not declared:
            missing.append(model._meta.label)
    assert missing == []
