"""The page editor's pickers and the translation status report, as an editor
meets them: no "(English)" on every option, countries that show what is
chosen, and a report that names partly translated pages and links them."""

import re

import pytest
from django.urls import reverse
from wagtail.models import Page

from core.demo_tools import ensure_page
from core.localization.status import INCOMPLETE, MISSING, TRANSLATED, build_report
from core.models import Sector, Theme
from core.widgets import ChosenFirstCheckboxes

pytestmark = pytest.mark.django_db

URL = "/admin/translation-status/"


def _row(rows, page):
    return next(r for r in rows if r.kind == "page" and r.pk == page.pk)


@pytest.fixture
def news(section):
    from knowledgebase.models import NewsIndexPage, NewsPage

    index = ensure_page(section["en"]["home"], NewsIndexPage, "news", title="News")
    page = ensure_page(index, NewsPage, "open-day", title="Open day", summary="Come in.")
    page = Page.objects.get(pk=page.pk).specific
    page.countries = ["PT", "GR"]
    page.save_revision().publish()
    return page


def test_theme_and_sector_options_carry_no_language(admin_client, news):
    html = admin_client.get(reverse("wagtailadmin_pages:edit", args=[news.pk])).content.decode()
    themes = re.findall(r'name="themes" value="\d+"[^>]*>\s*([^<]+)<', html) or re.findall(
        r'<option value="\d+"[^>]*>([^<]+)</option>', html
    )
    assert themes, "no theme options found"
    assert Theme.objects.filter(locale__language_code="en").exists()
    assert Sector.objects.filter(locale__language_code="en").exists()
    assert "(English)" not in html
    finance = Theme.objects.get(locale__language_code="en", slug="finance")
    assert f">{finance.name}</option>" in html or f"> {finance.name}</label>" in html


def test_countries_are_checkboxes_with_the_chosen_first(admin_client, news):
    html = admin_client.get(reverse("wagtailadmin_pages:edit", args=[news.pk])).content.decode()
    assert '<select name="countries"' not in html
    boxes = re.findall(r'<input type="checkbox" name="countries" value="([A-Z]{2})"([^>]*)>', html)
    assert len(boxes) > 200
    codes = [code for code, _attrs in boxes]
    assert set(codes[:2]) == {"GR", "PT"}
    assert all("checked" in attrs for _code, attrs in boxes[:2])
    assert not any("checked" in attrs for _code, attrs in boxes[2:])
    assert re.search(r"2 chosen:</strong> (Greece, Portugal|Portugal, Greece)", html)
    assert "chosen-first-checkboxes.css" in html


def test_country_widget_without_choice_says_so():
    widget = ChosenFirstCheckboxes(choices=[("PT", "Portugal"), ("GR", "Greece")])
    html = widget.render("countries", [])
    assert "None chosen." in html
    assert html.index('value="PT"') < html.index('value="GR"')
    html = widget.render("countries", ["GR"])
    assert html.index('value="GR"') < html.index('value="PT"')


def test_editing_countries_saves_them(admin_client, news, superuser):
    from tests.partners.admin_forms import page_form_data

    data = page_form_data(news, superuser, countries=["DE"])
    response = admin_client.post(reverse("wagtailadmin_pages:edit", args=[news.pk]), data)
    assert response.status_code == 302
    assert [
        c.code
        for c in Page.objects.get(pk=news.pk).specific.get_latest_revision_as_object().countries
    ] == ["DE"]


def test_untranslated_fields_make_a_page_partly_translated(section, translate):
    paper = Page.objects.get(pk=section["en"]["paper"].pk).specific
    paper.publisher = "Creative FLIP"
    paper.save_revision().publish()
    translate(paper, "de", {})  # no publisher
    row = _row(build_report(), paper)
    assert row.statuses["de"] == INCOMPLETE
    assert row.statuses["it"] == MISSING
    table = {"Creative FLIP": {"fr": "Creative FLIP"}}
    translate(paper, "fr", table)
    assert _row(build_report(), paper).statuses["fr"] == TRANSLATED


def test_a_link_to_an_untranslated_theme_makes_it_partly_translated(section, translate):
    paper = Page.objects.get(pk=section["en"]["paper"].pk).specific
    finance = Theme.objects.get(locale__language_code="en", slug="finance")
    paper.themes.set([finance])
    paper.save_revision().publish()
    translate(paper, "de")
    translate(paper, "fr")
    translate(finance, "fr", {"Finance": {"fr": "Financement"}})
    row = _row(build_report(), paper)
    assert row.statuses["de"] == INCOMPLETE  # no German "Finance"
    assert row.statuses["fr"] == TRANSLATED


def test_report_has_a_heading_a_title_and_links(admin_client, section):
    html = admin_client.get(URL).content.decode()
    assert re.search(r"<title>Translation status - ", html)
    # Wagtail's report header: the page's h1 (for screen readers) and its
    # breadcrumbs show the title.
    assert re.search(r"<h1[^>]*>\s*Translation status\s*</h1>", html)
    paper = section["en"]["paper"]
    edit = reverse("wagtailadmin_pages:edit", args=[paper.pk])
    assert f'<th scope="row"><a href="{edit}">{paper.title}</a></th>' in html
    finance = Theme.objects.get(locale__language_code="en", slug="finance")
    snippet_edit = reverse(Theme.snippet_viewset.get_url_name("edit"), args=[finance.pk])
    assert f'<a href="{snippet_edit}">' in html
    assert admin_client.get(edit).status_code == 200


def test_report_links_are_for_translators_only(client, django_user_model, section):
    user = django_user_model.objects.create_user("reader", "r@example.org", "pw-12345-long")
    client.force_login(user)
    assert client.get(URL).status_code == 302
