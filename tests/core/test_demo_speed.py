"""The faster demo load: what ``core/bulkload.py`` skips is done at the end,
translations stay real wagtail-localize translations, a second
translation with nothing new writes nothing, and ``load_demo --if-needed``
on an up-to-date database is a handful of queries."""

import pytest
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection, transaction
from wagtail.models import Page, ReferenceIndex, Revision
from wagtail_localize.models import Translation, TranslationSource

from core import bulkload
from core.demo_tools import TARGET_LANGUAGES, DemoContext, ensure_page
from core.models import DemoRun
from core.translation import strings_for, translate_into
from home.models import ContentPage
from search.models import PageFacet
from tests.home_text import home_text

TEXT = home_text()


class Quiet:
    def write(self, text):
        pass


@pytest.fixture
def context():
    return DemoContext(stdout=Quiet(), style=no_style(), verbosity=0)


def test_if_needed_on_an_up_to_date_database_is_a_few_queries(
    db, django_assert_max_num_queries, capsys
):
    from core.management.commands.load_demo import fingerprint

    DemoRun.objects.create(fingerprint=fingerprint())
    with django_assert_max_num_queries(6):
        call_command("load_demo", "--if-needed")
    assert "up to date" in capsys.readouterr().out


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.usefixtures("restore_migrated_rows")
def test_bulk_load_skips_the_reference_index_and_facet_rows_then_finish_writes_them():
    from home.demo import ensure_home

    home = ensure_home()
    with bulkload.bulk_load():
        assert bulkload.active()
        page = ensure_page(
            home,
            ContentPage,
            "about",
            title="About",
            body=f'<p><a linktype="page" id="{home.pk}">Home</a></p>',
        )
        assert page.live
        assert not PageFacet.objects.filter(page=page).exists()
        assert not ReferenceIndex.get_references_to(home).exists()
    assert not bulkload.active()
    bulkload.finish()
    assert PageFacet.objects.filter(page=page, facet="type").exists()
    assert ReferenceIndex.get_references_to(home).filter(object_id=str(page.pk)).exists()
    # Outside a bulk load, a save updates both at once again.
    other = ensure_page(
        home,
        ContentPage,
        "contact",
        title="Contact",
        body=f'<p><a linktype="page" id="{home.pk}">Home</a></p>',
    )
    assert PageFacet.objects.filter(page=other, facet="type").exists()
    assert ReferenceIndex.get_references_to(home).filter(object_id=str(other.pk)).exists()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.usefixtures("restore_migrated_rows")
def test_bulk_load_turns_off_the_disk_wait_and_restores_it():
    def setting():
        with connection.cursor() as cursor:
            if connection.vendor == "sqlite":
                cursor.execute("PRAGMA synchronous")
            else:
                cursor.execute("SHOW synchronous_commit")
            return str(cursor.fetchone()[0])

    before = setting()
    with bulkload.bulk_load():
        assert setting() in {"0", "off"}
    assert setting() == before
    # Inside a transaction SQLite may not change it; nothing fails.
    with transaction.atomic(), bulkload.bulk_load():
        if connection.vendor == "sqlite":
            assert setting() == before
    assert setting() == before


@pytest.mark.django_db
def test_translate_into_makes_linked_published_translations_once(
    home, context, django_capture_on_commit_callbacks, django_assert_max_num_queries
):
    with django_capture_on_commit_callbacks(execute=True):
        pages = context.translate(home)
    assert set(pages) == set(TARGET_LANGUAGES)
    source = TranslationSource.objects.get(object_id=home.translation_key)
    assert Translation.objects.filter(source=source).count() == len(TARGET_LANGUAGES)
    for code, page in pages.items():
        page = Page.objects.get(pk=page.pk)
        assert page.translation_key == home.translation_key
        assert page.locale.language_code == code
        assert page.live and page.live_revision_id is not None
        assert page.title == TEXT["Creative FLIP Knowledge Base"][code]
    german = pages["de"].specific
    assert german.hero_title == TEXT[home.hero_title]["de"]

    # Again, with nothing new: no revision, and a fixed number of queries
    # (it does not grow with the number of strings).
    revisions = Revision.objects.count()
    with django_assert_max_num_queries(4 + 7 * len(TARGET_LANGUAGES)):
        again = translate_into(home, {code: strings_for(TEXT, code) for code in TARGET_LANGUAGES})
    assert Revision.objects.count() == revisions
    assert {code: page.pk for code, page in again.items()} == {
        code: page.pk for code, page in pages.items()
    }


@pytest.mark.django_db
def test_a_changed_string_is_written_into_that_language(
    home, context, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        context.translate(home)
    changed = {**TEXT, home.hero_title: {**TEXT[home.hero_title], "fr": "Un titre nouveau"}}
    with django_capture_on_commit_callbacks(execute=True):
        pages = translate_into(home, {"fr": strings_for(changed, "fr")})
    french = Page.objects.get(pk=pages["fr"].pk).specific
    assert french.hero_title == "Un titre nouveau"
    assert french.live and not french.has_unpublished_changes
