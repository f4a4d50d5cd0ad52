"""Browser: switching language on the deepest demo page lands on its
translation, with lang and hreflang right; the untranslated notice."""

import re
import urllib.request
import xml.etree.ElementTree as ET
from urllib.parse import urlsplit

from playwright.sync_api import expect

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def _read(url):
    with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310 (our own server)
        return ET.fromstring(response.read())  # noqa: S314 (our own server)


def _sitemap(live_site):
    """Every page of the sitemap: the index, then each of its pages (their
    addresses are on SITE_URL; read them from the server under test)."""
    index = _read(live_site + "/sitemap.xml")
    urls = []
    for loc in index.findall("s:sitemap/s:loc", NS):
        parts = urlsplit(loc.text)
        urls += _read(f"{live_site}{parts.path}{'?' + parts.query if parts.query else ''}").findall(
            "s:url", NS
        )
    pages = {}
    for url in urls:
        path = urlsplit(url.find("s:loc", NS).text).path
        pages[path] = {
            link.get("hreflang"): urlsplit(link.get("href")).path
            for link in url.findall("x:link", NS)
        }
    return pages


def _deepest_translated_english_page(pages):
    candidates = [
        (path.count("/"), path)
        for path, alternates in pages.items()
        if path.startswith("/en/") and "de" in alternates and "el" in alternates
    ]
    assert candidates, "the demo should have English pages translated into German and Greek"
    return max(candidates)[1]


def test_switch_language_on_the_deepest_page(page, live_site):
    pages = _sitemap(live_site)
    english = _deepest_translated_english_page(pages)
    alternates = pages[english]

    page.goto(live_site + english)
    expect(page.locator("html")).to_have_attribute("lang", "en")
    page.locator('.language-switcher a[data-lang="de"]').click()
    expect(page).to_have_url(re.compile(re.escape(alternates["de"]) + "$"))
    expect(page.locator("html")).to_have_attribute("lang", "de")
    expect(page.locator('.language-switcher [aria-current="true"]')).to_have_attribute("lang", "de")

    hreflangs = dict(
        page.locator('link[rel="alternate"]').evaluate_all(
            "links => links.map(l => [l.hreflang, new URL(l.href).pathname])"
        )
    )
    assert hreflangs["de"] == alternates["de"]
    assert hreflangs["en"] == english
    assert hreflangs["x-default"] == english
    assert set(hreflangs) - {"x-default"} == set(alternates) - {"x-default"}

    page.locator('.language-switcher a[data-lang="el"]').click()
    expect(page).to_have_url(re.compile(re.escape(alternates["el"]) + "$"))
    expect(page.locator("html")).to_have_attribute("lang", "el")


def test_untranslated_notice_is_announced_and_accessible(page, live_site, axe_check):
    page.goto(live_site + "/de/?untranslated=1")
    notice = page.locator(".language-notice")
    expect(notice).to_be_visible()
    expect(notice).to_have_attribute("role", "status")
    expect(notice).to_contain_text("Deutsch")
    axe_check(page)


def test_sitemap_lists_every_language(live_site):
    pages = _sitemap(live_site)
    homes = {path for path in pages if re.fullmatch(r"/[a-z]{2}/", path)}
    assert homes == {"/en/", "/de/", "/fr/", "/it/", "/es/", "/pl/", "/el/"}
