"""The admin translation status report: translated, out of date, missing."""

import csv
import datetime
import io

import pytest
from django.urls import reverse
from wagtail.models import Locale, Page
from wagtail_localize.models import TranslationSource

from core.localization.status import INCOMPLETE, MISSING, OUTDATED, TRANSLATED, build_report
from core.models import Theme

pytestmark = pytest.mark.django_db

URL = "/admin/translation-status/"


@pytest.fixture
def section(shared_section):
    """The conftest's section, built once for this module: each test changes
    it only inside its own savepoint (tests/conftest.py, ``module_db``)."""
    return shared_section


def _row(rows, page):
    return next(r for r in rows if r.kind == "page" and r.pk == page.pk)


def _edit_and_publish(page, **fields):
    page = Page.objects.get(pk=page.pk).specific
    for name, value in fields.items():
        setattr(page, name, value)
    page.save_revision().publish()
    return page


def test_report_states_per_locale(section):
    paper = section["en"]["paper"]
    rows = build_report()
    assert _row(rows, paper).statuses == {
        "de": TRANSLATED,
        "fr": TRANSLATED,
        "it": MISSING,
        "es": MISSING,
        "pl": MISSING,
        "el": MISSING,
    }


def test_changing_the_source_shows_out_of_date_until_synced(admin_client, section):
    paper = section["en"]["paper"]
    _edit_and_publish(paper, summary="Small grants keep small hubs alive, and cheaply.")
    row = _row(build_report(), paper)
    assert row.statuses["de"] == OUTDATED
    assert row.statuses["fr"] == OUTDATED
    html = admin_client.get(URL).content.decode()
    assert 'data-status="outdated"' in html

    # Sync through wagtail-localize's own "Sync translated pages" form.
    source = TranslationSource.objects.get_for_instance(paper)
    sync_url = reverse("wagtail_localize:update_translations", args=[source.pk])
    assert sync_url in html
    response = admin_client.post(sync_url, {"publish_translations": "on"})
    assert response.status_code == 302
    row = _row(build_report(), paper)
    # Synced, but the new summary has no German or French yet: the pages
    # show it in English.
    assert row.statuses["de"] == INCOMPLETE
    assert row.statuses["fr"] == INCOMPLETE
    # The index page was not touched: still translated.
    assert _row(build_report(), section["en"]["index"]).statuses["de"] == TRANSLATED


def test_sync_without_publishing_leaves_it_out_of_date(admin_client, section):
    paper = section["en"]["paper"]
    _edit_and_publish(paper, title="Micro-grants for small hubs")
    source = TranslationSource.objects.get_for_instance(paper)
    admin_client.post(reverse("wagtail_localize:update_translations", args=[source.pk]), {})
    assert _row(build_report(), paper).statuses["de"] == OUTDATED


def test_unpublished_translation_counts_as_missing(section):
    section["fr"]["paper"].unpublish()
    assert _row(build_report(), section["en"]["paper"]).statuses["fr"] == MISSING


def test_snippets_are_reported(section, translate):
    theme = Theme.objects.get(locale__language_code="en", slug="finance")
    table = {
        "Finance": {"de": "Finanzierung"},
        theme.description: {"de": "Zugang zu Finanzierung und Investitionsbereitschaft."},
    }
    translate(theme, "de", table)
    rows = [r for r in build_report(type_label="core.theme") if r.pk == theme.pk]
    assert rows[0].statuses["de"] == TRANSLATED
    assert rows[0].statuses["el"] == MISSING
    # The source description changes; once re-extracted, German lacks it.
    theme.description = "Money for hubs."
    theme.save()
    TranslationSource.update_or_create_from_instance(theme)
    rows = [r for r in build_report(type_label="core.theme") if r.pk == theme.pk]
    assert rows[0].statuses["de"] == OUTDATED


def test_filters_by_locale_section_and_type(admin_client, section):
    index = section["en"]["index"]
    html = admin_client.get(URL, {"locale": "de", "section": index.pk}).content.decode()
    assert f'data-row="knowledgebase.policypaperindexpage:{index.pk}"' in html
    assert f'data-row="knowledgebase.policypaperpage:{section["en"]["paper"].pk}"' in html
    assert 'data-row="home.homepage' not in html
    assert 'data-locale="fr"' not in html
    assert 'data-row="core.theme' not in html  # a section holds pages only
    html = admin_client.get(URL, {"type": "core.theme", "locale": "el"}).content.decode()
    assert 'data-row="core.theme:' in html
    assert 'data-row="knowledgebase.policypaperpage' not in html


@pytest.mark.parametrize(
    "query",
    [{"locale": "xx"}, {"section": "abc"}, {"section": "999999"}, {"type": "auth.user"}],
)
def test_bad_filters_are_a_form_error(admin_client, section, query):
    response = admin_client.get(URL, query)
    assert response.status_code == 400
    assert 'class="error-message"' in response.content.decode()


def read_csv(response) -> list[list[str]]:
    assert response["Content-Type"].startswith("text/csv")
    text = b"".join(response.streaming_content).decode()
    return list(csv.reader(io.StringIO(text)))


def test_csv_export(admin_client, section):
    response = admin_client.get(URL, {"locale": "de", "export": "csv"})
    assert response.status_code == 200
    assert "translation-status.csv" in response["Content-Disposition"]
    rows = read_csv(response)
    assert rows[0] == ["kind", "type", "id", "title", "de"]
    by_title = {row[3]: row for row in rows[1:]}
    paper = section["en"]["paper"]
    assert by_title["Micro-grants for hubs"] == [
        "page", "knowledgebase.policypaperpage", str(paper.pk), "Micro-grants for hubs", TRANSLATED,
    ]  # fmt: skip
    assert by_title["Finance"][0] == "snippet"


def test_csv_export_has_a_column_per_language_and_follows_the_filters(admin_client, section):
    rows = read_csv(admin_client.get(URL, {"export": "csv", "status": "missing"}))
    assert rows[0] == ["kind", "type", "id", "title", "de", "fr", "it", "es", "pl", "el"]
    assert rows[1:] and all(MISSING in row[4:] for row in rows[1:])
    rows = read_csv(admin_client.get(URL, {"export": "csv", "type": "core.theme"}))
    assert {row[1] for row in rows[1:]} == {"core.theme"}


def test_the_header_offers_the_downloads(admin_client, section):
    html = admin_client.get(URL, {"locale": "de"}).content.decode()
    assert f'href="{URL}?locale=de&amp;export=csv"' in html
    assert f'href="{URL}?locale=de&amp;export=xlsx"' in html


def test_xlsx_export(admin_client, section):
    response = admin_client.get(URL, {"locale": "de", "export": "xlsx"})
    assert response.status_code == 200
    assert "spreadsheetml" in response["Content-Type"]


def test_bad_filters_are_not_exported(admin_client, section):
    response = admin_client.get(URL, {"locale": "xx", "export": "csv"})
    assert response.status_code == 400
    assert response["Content-Type"].startswith("text/html")


@pytest.mark.parametrize("url", [URL, URL + "results/", URL + "?export=csv"])
def test_report_needs_translator_permission(client, django_user_model, section, url):
    from django.contrib.auth.models import Permission

    user = django_user_model.objects.create_user("reader", password="x", is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    # Wagtail turns PermissionDenied into a redirect to the dashboard.
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"] == "/admin/"
    # The same user, once allowed to submit translations, sees it.
    user.user_permissions.add(Permission.objects.get(codename="submit_translation"))
    user = django_user_model.objects.get(pk=user.pk)  # no cached permissions
    client.force_login(user)
    assert client.get(url).status_code == 200


def test_anonymous_visitors_are_sent_to_the_login(client, section):
    response = client.get(URL)
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_report_queries_do_not_grow_with_pages(admin_client, section, translate):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from core.demo_tools import ensure_page
    from knowledgebase.models import PolicyPaperPage

    admin_client.get(URL)
    with CaptureQueriesContext(connection) as few:
        assert admin_client.get(URL).status_code == 200
    for n in range(5):
        paper = ensure_page(
            section["en"]["index"],
            PolicyPaperPage,
            f"more-{n}",
            title=f"More {n}",
            abstract="<p>More.</p>",
            date=datetime.date(2025, 1, 1),
        )
        translate(paper, "de")
    with CaptureQueriesContext(connection) as more:
        assert admin_client.get(URL).status_code == 200
    assert len(more) == len(few), [q["sql"][:120] for q in more.captured_queries]


def test_report_is_in_the_reports_menu(admin_client, home):
    html = admin_client.get("/admin/").content.decode()
    assert URL in html


def test_locales_are_all_configured(locales):
    assert set(locales) == {"en", "de", "fr", "it", "es", "pl", "el"}
    assert Locale.get_default().language_code == "en"
