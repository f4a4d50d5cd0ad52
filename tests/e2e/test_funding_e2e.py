"""The funding finder in the browser, without JavaScript help: answer the
questions, read the ranked results, compare two, download the shortlist,
print it, open an opportunity; axe at phone and desktop widths."""

import csv
import io
import re

import pytest
from playwright.sync_api import expect


@pytest.mark.parametrize("width", [390, 1366])
def test_complete_the_finder(page, live_site, axe_check, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(live_site + "/en/funding/")
    expect(page.locator("h1")).to_have_text("Funding finder")
    axe_check(page)

    page.get_by_label("Who are you?").select_option("sme")
    page.get_by_label("Your sector").select_option("design")
    page.get_by_label("What is the money for?").select_option("internationalisation")
    page.get_by_label("How much do you need (EUR)?").fill("150000")
    page.get_by_label("Where are you based?").select_option("PT")
    page.get_by_role("button", name="Find funding").click()

    expect(page).to_have_url(re.compile(r"who=sme.*country=PT"))
    results = page.locator(".funding-result")
    expect(results.first).to_be_visible()
    expect(results.first.locator(".funding-result__why")).to_contain_text("matches: SME")
    axe_check(page)

    # Tick two results and compare them side by side.
    page.locator(".funding-result__pick input").nth(0).check()
    page.locator(".funding-result__pick input").nth(1).check()
    page.get_by_role("button", name="Compare ticked").click()
    table = page.locator(".funding-compare__table")
    expect(table).to_be_visible()
    expect(table.locator("thead th")).to_have_count(2)
    # The wide table scrolls in its own box; the page itself does not
    # (hidden labels in its cells once widened the page on phones).
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    axe_check(page)

    # The shortlist downloads as CSV and prints without the form.
    with page.expect_download() as download:
        page.get_by_role("button", name="Ticked as CSV").click()
    text = download.value.path().read_text(encoding="utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert len(rows) == 2 and rows[0]["Why it fits"].startswith("matches:")
    page.emulate_media(media="print")
    expect(page.locator(".funding-form")).to_be_hidden()
    expect(page.locator(".funding-result").first).to_be_visible()
    page.emulate_media(media="screen")

    # An opportunity page says its dates are examples.
    results.first.locator("h3 a").click()
    expect(page.locator(".funding-detail")).to_contain_text("The dates shown are examples")
    axe_check(page)


def test_bad_answers_show_a_form_error(page, live_site, axe_check):
    response = page.goto(live_site + "/en/funding/?amount=-5&instrument=lottery")
    assert response.status == 400
    expect(page.locator("#finder-errors")).to_contain_text("cannot be negative")
    axe_check(page)


def test_finder_in_greek(page, live_site, axe_check):
    page.goto(live_site + "/el/funding/?who=sme")
    expect(page.locator("html")).to_have_attribute("lang", "el")
    expect(page.locator("h1")).to_have_text("Εύρεση χρηματοδότησης")
    axe_check(page)
