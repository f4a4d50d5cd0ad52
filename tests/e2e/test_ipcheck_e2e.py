"""The IP self-check in the browser: completed step by step at phone and
desktop width with axe clean on every kind of screen, and once without
JavaScript."""

import io

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

PATH = "/en/ip-check/"
STEPS = [
    ["#q-business-design", "#q-name-name-only"],
    ["#q-mark-registered-unsure", "#q-name-checked-no"],
    ["#q-originals-look", "#q-originals-technical"],
    ["#q-design-protection-nothing", "#q-invention-secret"],
    ["#q-team-freelancers"],
    ["#q-agreements-some"],
    ["#q-know-how-open", "#q-records-never"],
    ["#q-deals-commissions", "#q-deals-third-party"],
]


def answer_all(page, axe=None):
    for number, inputs in enumerate(STEPS, start=1):
        expect(page.locator(".ipcheck-progress__text")).to_have_text(f"Step {number} of 8")
        for selector in inputs:
            page.check(selector)
        if axe and number in (1, 4):
            axe(page)
        label = "See my result" if number == len(STEPS) else "Next"
        page.get_by_role("button", name=label).click()


@pytest.mark.parametrize("width, height", [(390, 844), (1366, 900)])
def test_complete_the_check(page, live_site, axe_check, width, height):
    page.set_viewport_size({"width": width, "height": height})
    page.goto(live_site + PATH)
    expect(page.locator("h1")).to_have_text("IP self-check")
    # A step sent without answers comes back with an error summary.
    page.get_by_role("button", name="Next").click()
    expect(page.locator(".ipcheck-errors")).to_contain_text("Please answer every question")
    axe_check(page)
    answer_all(page, axe_check)
    expect(page).to_have_url(live_site + PATH + "result/")
    assert "?" not in page.url
    expect(page.locator("h1")).to_have_text("Your IP profile")
    actions = page.locator(".ipcheck-actions > li h3")
    expect(actions.first).to_have_text(
        "Keep the invention confidential and talk to a patent attorney"
    )
    expect(page.get_by_role("link", name="EUIPO").first).to_be_visible()
    axe_check(page)
    response = page.context.request.get(live_site + PATH + "result/pdf/")
    assert response.headers["content-type"] == "application/pdf"
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(response.body())).pages)
    assert "Register your trade mark" in text
    # Back from the result: the last step, answers kept.
    page.get_by_role("link", name="Change my answers").click()
    expect(page.locator("#q-deals-commissions")).to_be_checked()
    page.get_by_role("button", name="Back").click()
    expect(page.locator(".ipcheck-progress__text")).to_have_text("Step 7 of 8")
    page.goto(live_site + "/el/ip-check/")
    axe_check(page)


def test_the_check_works_without_javascript(browser, live_site):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(live_site + PATH)
    answer_all(page)
    expect(page.locator("h1")).to_have_text("Your IP profile")
    page.get_by_role("link", name="Change my answers").click()
    page.get_by_role("button", name="Start again and forget my answers").click()
    expect(page.locator(".ipcheck-progress__text")).to_have_text("Step 1 of 8")
    expect(page.locator("#q-business-design")).not_to_be_checked()
    context.close()
