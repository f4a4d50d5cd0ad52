"""The demo as data: ``load_demo`` builds from ``demo/content`` (English,
YAML) and ``demo/locale`` (PO catalogues, imported through wagtail-localize's
PO import) the same site as the Python demo text did; the one page builder
gives stable block ids, so a translator's export names the catalogue's
contexts; and changed English leaves a translation out of date."""

import polib
import pytest
from django.core.management import call_command
from django.db import connection
from wagtail.models import Locale, Page
from wagtail_localize.models import Translation, TranslationSource

from core import demo_catalogue
from core.demo_content import read
from core.demo_tools import ensure_page
from core.languages import TARGET_CODES
from core.localization.status import OUTDATED, TRANSLATED, build_report
from home.models import ContentPage
from knowledgebase.models import GuidelineIndexPage, GuidelinePage
from tests.core.demo_snapshot import assert_same_as_reference, snapshot


@pytest.mark.django_db
def test_load_demo_builds_the_site_the_python_demo_built():
    """The demo built on the test database is the reference site
    (tests/core/demo_snapshot.py).

    On PostgreSQL the browser tests' database is built by the same
    ``load_demo`` and compared with the reference there
    (tests/e2e/test_demo.py), so the demo is not loaded a third time."""
    if connection.vendor == "postgresql":
        pytest.skip("compared on the browser tests' database (tests/e2e/test_demo.py)")
    call_command("load_demo", verbosity=0)
    assert_same_as_reference(snapshot())


def test_the_catalogues_hold_the_same_strings_in_every_language():
    held = {}
    for code in TARGET_CODES:
        po = polib.pofile(str(demo_catalogue.DEMO_DIR / "locale" / f"{code}.po"))
        assert len(po.translated_entries()) > 600 and not po.fuzzy_entries()
        held[code] = {(entry.msgctxt, entry.msgid) for entry in po}
    assert len({frozenset(strings) for strings in held.values()}) == 1


def _guideline(home, summary="Share skills between two hubs."):
    index = ensure_page(home, GuidelineIndexPage, "guidelines", title="Guidelines")
    entry = next(e for e in read("guidelines") if e["slug"] == "running-a-skills-exchange")
    page = ensure_page(
        index,
        GuidelinePage,
        entry["slug"],
        title=entry["title"],
        summary=summary,
        steps=[("step", {"title": entry["s1"], "text": f"<p>{entry['s1_text']}</p>"})],
    )
    return index, page


@pytest.mark.django_db
def test_blocks_get_stable_ids_and_the_export_names_the_catalogues_contexts(
    home_all_locales, django_capture_on_commit_callbacks
):
    index, page = _guideline(home_all_locales["en"])
    again = ensure_page(
        index, GuidelinePage, page.slug, title=page.title, summary=page.summary, steps=page.steps
    )
    assert again.pk == page.pk and again.steps[0].id == page.steps[0].id
    assert again.get_latest_revision().pk == page.get_latest_revision().pk  # not republished
    with django_capture_on_commit_callbacks(execute=True):
        demo_catalogue.translate(index, ["de"])
        german = demo_catalogue.translate(page, ["de"])["de"]
    german = GuidelinePage.objects.get(pk=german.pk)
    assert german.translation_key == page.translation_key and german.live
    source = TranslationSource.objects.get(object_id=page.translation_key)
    exported = Translation.objects.get(source=source).export_po()
    catalogue = demo_catalogue.catalogue("de")
    step_title = next(e for e in exported if e.msgctxt.startswith("steps."))
    assert catalogue.exact[(step_title.msgctxt, step_title.msgid)] == step_title.msgstr
    assert german.steps[0].value["title"] == step_title.msgstr


@pytest.mark.django_db
def test_changed_english_leaves_the_translation_out_of_date(
    home_all_locales, django_capture_on_commit_callbacks
):
    home = home_all_locales["en"]
    entry = read("footer")[0]
    page = ensure_page(home, ContentPage, entry["slug"], title=entry["title"], body="")
    with django_capture_on_commit_callbacks(execute=True):
        german = demo_catalogue.translate(page, ["de"])["de"]
    assert german.title == demo_catalogue.text(entry["title"], "de") != entry["title"]
    de = Locale.objects.get(language_code="de")

    def status():
        rows = build_report(locales=[de], type_label="home.contentpage")
        return next(r for r in rows if r.pk == page.pk).statuses["de"]

    assert status() == TRANSLATED
    changed = ensure_page(home, ContentPage, entry["slug"], title="Write to us", body="")
    with django_capture_on_commit_callbacks(execute=True):
        kept = demo_catalogue.translate(changed, ["de"])["de"]
    assert kept.pk == german.pk
    assert Page.objects.get(pk=german.pk).title == german.title
    assert status() == OUTDATED


@pytest.mark.django_db
def test_the_builder_makes_drafts_and_slugs_from_titles(home):
    draft = ensure_page(home, ContentPage, title="A draft page", publish=False)
    assert draft.slug == "a-draft-page" and not draft.live and draft.live_revision is None


@pytest.mark.django_db
def test_translating_again_with_nothing_new_is_a_fixed_number_of_queries(
    home, django_capture_on_commit_callbacks, django_assert_max_num_queries
):
    codes = TARGET_CODES
    with django_capture_on_commit_callbacks(execute=True):
        first = demo_catalogue.translate(home, codes)
    with django_assert_max_num_queries(4 + 7 * len(codes)):
        again = demo_catalogue.translate(home, codes)
    assert {c: p.pk for c, p in again.items()} == {c: p.pk for c, p in first.items()}
