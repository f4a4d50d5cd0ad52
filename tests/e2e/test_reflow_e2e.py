"""Reflow and the responsive shell: one page of every type at 320, 390 and
1366 px wide. Nothing scrolls sideways (WCAG 1.4.10), the phone header stays
short with its menu collapsed, the menu opens and closes with the keyboard,
and axe finds no WCAG A/AA violation at any width."""

import pytest
from playwright.sync_api import expect

PAGES = [
    "/en/",
    "/en/accessibility/",
    "/en/policy-papers/",
    "/en/policy-papers/patient-capital-for-creative-hubs/",
    "/en/guidelines/",
    "/en/partners/fabrika-lisboa/access-to-finance/",
    "/en/case-stories/",
    "/en/partners/kuznia-gdansk/a-shared-kiln-in-gdansk/",
    "/en/news/",
    "/en/news/knowledge-base-opens/",
    "/en/partners/officina-torino/network-meeting-turin/",
    "/en/learning/",
    "/en/learning/from-spark-to-concept/",
    "/en/learning/creative-thinking-in-practice/",
    "/en/skills/",
    "/en/partners/",
    "/el/partners/fabrika-lisboa/",
    "/de/partners/design-academy-graz/",
    "/en/exchanges/",
    "/en/exchanges/lisbon-turin-pricing/",
    "/en/search/?q=finance",
    "/en/search/",
]
WIDTHS = [320, 390, 1366]
PHONE_HEADER_MAX = 120

OVERFLOW = """() => {
    const width = document.documentElement.clientWidth;
    const wide = [];
    for (const el of document.querySelectorAll("body *")) {
        const box = el.getBoundingClientRect();
        const scrollsInItsBox = el.closest(".partner-map__viewport, .table-scroll, pre");
        if (box.width && box.right > width + 1 && !scrollsInItsBox) {
            wide.push(el.tagName.toLowerCase() + "." + String(el.className).slice(0, 40));
        }
    }
    return {scroll: document.documentElement.scrollWidth, width: width, wide: wide.slice(0, 5)};
}"""


@pytest.mark.parametrize("width", WIDTHS)
def test_no_page_type_scrolls_sideways_and_axe_is_clean(at_width, live_site, axe_check, width):
    page = at_width(width)
    problems = {}
    for path in PAGES:
        response = page.goto(live_site + path)
        assert response.status == 200, path
        result = page.evaluate(OVERFLOW)
        if result["scroll"] > width:
            problems[path] = result
        axe_check(page)
    assert problems == {}, f"horizontal overflow at {width} px: {problems}"


@pytest.mark.parametrize("path", ["/en/", "/en/policy-papers/", "/el/partners/fabrika-lisboa/"])
def test_the_phone_header_is_short_and_its_menu_works_with_the_keyboard(at_width, live_site, path):
    page = at_width(390)
    page.goto(live_site + path)
    header = page.locator(".site-header").bounding_box()
    assert header["height"] < PHONE_HEADER_MAX, header
    nav_link = page.locator(".site-nav a").first
    expect(nav_link).to_be_hidden()
    button = page.locator(".site-menu__button")
    button.focus()
    page.keyboard.press("Enter")
    expect(nav_link).to_be_visible()
    expect(page.locator(".language-switcher")).to_be_visible()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('.site-menu') !== null")
    page.keyboard.press("Escape")
    expect(nav_link).to_be_hidden()
    assert page.evaluate("document.activeElement.classList.contains('site-menu__button')")


def test_filters_are_a_one_line_summary_above_the_results_on_phones(at_width, live_site):
    page = at_width(390)
    page.goto(live_site + "/en/policy-papers/?theme=finance")
    summary = page.locator(".filter-panel__summary")
    expect(summary).to_contain_text("Finance")
    assert summary.bounding_box()["height"] < 60
    first_result = page.locator(".kb-cards > li").first
    expect(first_result).to_be_in_viewport()
    expect(page.locator("#filter-theme")).to_be_hidden()
    summary.click()
    expect(page.locator("#filter-theme")).to_be_visible()


def test_wide_screens_show_the_menu_and_filters_without_a_button(at_width, live_site):
    page = at_width(1366)
    page.goto(live_site + "/en/policy-papers/")
    expect(page.locator(".site-menu__button")).to_be_hidden()
    expect(page.locator(".site-nav a").first).to_be_visible()
    expect(page.locator("#filter-theme")).to_be_visible()
    page.goto(live_site + "/en/accessibility/")
    footer = page.locator(".site-footer").bounding_box()
    assert footer["y"] + footer["height"] >= 900 - 1, "the footer sits at the bottom"


def test_map_markers_are_44_px_targets_reachable_by_keyboard(at_width, live_site):
    for width in (390, 1366):
        page = at_width(width)
        page.goto(live_site + "/en/partners/")
        markers = page.locator(".partner-map__marker")
        expect(markers.first).to_be_visible()
        for index in range(markers.count()):
            box = markers.nth(index).locator(".partner-map__hit").bounding_box()
            assert box["width"] >= 44 and box["height"] >= 44, box
        markers.first.focus()
        assert page.evaluate("document.activeElement.classList.contains('partner-map__marker')")
        select = page.locator("#filter-type").bounding_box()
        panel = page.locator(".filter-panel").bounding_box()
        if width == 1366:
            assert select["x"] + select["width"] <= panel["x"] + panel["width"]
