"""The language switcher and hreflang links only point at live translations."""

import re

import pytest

pytestmark = pytest.mark.django_db


def _switcher(html):
    start = html.index('class="language-switcher"')
    return html[start : html.index("</nav>", start)]


def _alternates(html):
    return dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', html))


def test_switcher_links_the_translation_of_a_deep_page(client, section):
    html = client.get("/en/policy-papers/micro-grants/").content.decode()
    switcher = _switcher(html)
    assert 'href="/de/policy-papers/micro-grants/" lang="de"' in switcher
    assert 'href="/fr/policy-papers/micro-grants/" lang="fr"' in switcher
    alternates = _alternates(html)
    assert set(alternates) == {"en", "de", "fr", "x-default"}
    assert alternates["de"] == "http://testserver/de/policy-papers/micro-grants/"


def test_missing_translation_offers_the_locale_home_with_a_notice(client, section):
    html = client.get("/en/policy-papers/micro-grants/").content.decode()
    switcher = _switcher(html)
    # Italian has no home page at all here; Spanish neither: both fall back.
    assert 'href="/it/?untranslated=1"' in switcher
    assert 'data-lang="it" data-available="false" class="is-fallback"' in switcher
    assert 'aria-describedby="language-fallback-hint"' in switcher
    assert "hreflang" not in "".join(
        line for line in html.splitlines() if 'rel="alternate"' in line and "/it/" in line
    )


def test_unpublished_translation_is_not_linked(client, section):
    german = section["de"]["paper"]
    german.unpublish()
    html = client.get("/en/policy-papers/micro-grants/").content.decode()
    assert 'href="/de/?untranslated=1"' in _switcher(html)
    assert "de" not in _alternates(html)
    assert client.get("/de/policy-papers/micro-grants/").status_code == 404


def test_landing_page_says_the_page_is_not_translated(client, section):
    html = client.get("/de/?untranslated=1").content.decode()
    assert '<html lang="de">' in html
    notice = re.search(
        r'<p class="notice language-notice" role="status"[^>]*>(.*?)</p>', html, re.S
    )
    assert notice is not None
    assert "Deutsch" in notice.group(1)
    # Without the parameter, or with a junk value, there is no notice.
    assert "language-notice" not in client.get("/de/").content.decode()
    assert "language-notice" not in client.get("/de/?untranslated=%3Cb%3E").content.decode()


def test_notice_is_translated_into_the_page_language(client, section):
    html = client.get("/de/?untranslated=1").content.decode()
    assert "noch nicht" in html
    html = client.get("/fr/?untranslated=1").content.decode()
    assert "pas encore" in html
