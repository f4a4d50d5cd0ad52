import re

import pytest
from playwright.sync_api import expect


def test_home_page_in_two_languages_and_switch_by_clicking(page, live_site):
    page.goto(live_site + "/en/")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator("h1")).to_contain_text("Knowledge that travels")

    page.locator('.language-switcher a[data-lang="de"]').click()
    expect(page).to_have_url(re.compile(r"/de/$"))
    expect(page.locator("html")).to_have_attribute("lang", "de")
    expect(page.locator("h1")).to_contain_text("Wissen, das zwischen Kreativ-Hubs reist")

    page.locator('.language-switcher a[data-lang="el"]').click()
    expect(page.locator("html")).to_have_attribute("lang", "el")
    hreflangs = page.locator('link[rel="alternate"]').evaluate_all(
        "links => links.map(l => l.hreflang)"
    )
    assert set(hreflangs) == {"en", "de", "fr", "it", "es", "pl", "el", "x-default"}


def test_skip_link_is_the_first_stop_and_visible_on_focus(page, live_site):
    page.goto(live_site + "/en/")
    page.keyboard.press("Tab")
    skip = page.locator(".skip-link")
    expect(skip).to_be_focused()
    box = skip.bounding_box()
    assert box is not None and box["y"] >= 0


@pytest.mark.parametrize("path", ["/en/", "/de/", "/el/", "/en/no-such-page/"])
def test_axe_sweep(page, live_site, axe_check, path):
    page.goto(live_site + path)
    axe_check(page)
