"""Browser sweep of the knowledge base on the demo site: a policy paper, a
guideline (also in print), an index with filters, and the feeds."""

import re

import pytest
from playwright.sync_api import expect


def test_policy_paper_page(page, live_site, axe_check):
    page.goto(live_site + "/en/policy-papers/green-studios/")
    expect(page.locator("h1")).to_have_text(
        "Green studios: cutting the footprint of creative production"
    )
    expect(page.locator(".kb-authors li")).to_have_count(3)
    expect(page.locator(".kb-download")).to_contain_text(re.compile(r"PDF, [\d.,]+\s*KB, 4 pages"))
    assert page.locator('meta[name="citation_author"]').count() == 3
    assert (
        page.locator('meta[name="citation_pdf_url"]')
        .get_attribute("content")
        .startswith(live_site + "/documents/")
    )
    with page.expect_download() as download:
        page.get_by_role("link", name="BibTeX").click()
    assert download.value.suggested_filename == "green-studios.bib"
    axe_check(page)


def test_policy_paper_in_greek(page, live_site, axe_check):
    page.goto(live_site + "/el/policy-papers/green-studios/")
    expect(page.locator("html")).to_have_attribute("lang", "el")
    expect(page.locator("h1")).to_contain_text("Πράσινα στούντιο")
    axe_check(page)


def test_guideline_page_and_print(page, live_site, axe_check):
    page.goto(live_site + "/en/partners/fabrika-lisboa/access-to-finance/")
    expect(page.locator(".kb-step")).to_have_count(2)
    expect(page.locator(".kb-checklist li").first).to_be_visible()
    axe_check(page)
    page.emulate_media(media="print")
    expect(page.locator(".site-header")).to_be_hidden()
    expect(page.locator("[data-kb-print]")).to_be_hidden()
    for step in page.locator(".kb-step, .kb-checklist li").all():
        expect(step).to_be_visible()
    pdf = page.pdf()
    assert pdf.startswith(b"%PDF")


@pytest.mark.parametrize("path", ["/en/policy-papers/", "/de/case-stories/", "/en/news/"])
def test_index_pages(page, live_site, axe_check, path):
    page.goto(live_site + path)
    expect(page.locator(".kb-cards > li").first).to_be_visible()
    axe_check(page)


def test_index_filter_by_selecting(page, live_site, axe_check):
    page.goto(live_site + "/en/case-stories/")
    total = page.locator(".kb-cards > li").count()
    page.select_option("#filter-country", "PL")
    page.get_by_role("button", name="Apply filters").click()
    expect(page).to_have_url(re.compile(r"country=PL"))
    cards = page.locator(".kb-cards > li")
    expect(cards).to_have_count(2)
    assert cards.count() < total
    axe_check(page)


def test_invalid_filter_shows_a_message(page, live_site, axe_check):
    response = page.goto(live_site + "/en/policy-papers/?year=abc")
    assert response.status == 400
    expect(page.get_by_role("alert")).to_contain_text("not valid")
    axe_check(page)


def test_feeds_are_xml(page, live_site):
    for kind, root in (("rss", "<rss"), ("atom", "<feed")):
        response = page.request.get(f"{live_site}/en/news/feed/{kind}/")
        assert response.ok
        assert root in response.text()
