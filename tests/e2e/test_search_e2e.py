"""The search box as a visitor uses it: suggestions while typing, a picked
suggestion, a search, a facet, highlighted results; axe-clean throughout."""

import re

from playwright.sync_api import expect


def test_suggest_pick_search_facet_highlight(page, live_site, axe_check):
    page.goto(live_site + "/en/")
    box = page.locator("#site-search")
    box.press_sequentially("Creative", delay=40)
    option = page.locator("#search-suggestions-0 [role=option]").first
    expect(option).to_be_visible()
    expect(box).to_have_attribute("aria-expanded", "true")
    axe_check(page)
    box.press("ArrowDown")
    expect(option).to_have_attribute("aria-selected", "true")
    option.click()
    expect(page).not_to_have_url(re.compile(r"/search/"))

    box = page.locator("#site-search")
    box.fill("creative hubs")
    box.press("Enter")
    expect(page).to_have_url(re.compile(r"/en/search/\?q=creative\+hubs"))
    expect(page.locator(".search-result mark").first).to_be_visible()
    axe_check(page)

    facet = page.locator('a[data-facet="type"]').first
    facet.click()
    expect(page).to_have_url(re.compile(r"type=\d+"))
    expect(page).to_have_url(re.compile(r"q=creative\+hubs"))
    expect(page.locator('a[data-facet="type"][aria-current="true"]')).to_have_count(1)
    expect(page.locator(".search-result mark").first).to_be_visible()
    axe_check(page)


def test_search_works_without_javascript(browser, live_site):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(live_site + "/de/")
    page.locator("#site-search").fill("Kreativ")
    page.locator(".search-box button").click()
    expect(page).to_have_url(re.compile(r"/de/search/\?q=Kreativ"))
    expect(page.locator("html")).to_have_attribute("lang", "de")
    expect(page.locator(".search-results")).to_be_visible()
    context.close()


def test_empty_search_shows_the_landing(page, live_site, axe_check):
    page.goto(live_site + "/fr/search/")
    expect(page.locator("#latest-papers")).to_be_visible()
    axe_check(page)
