"""Browser tests for consultations: axe at phone and desktop width on an
open and a closed consultation, and a reader who responds to one step of the
draft guideline, then confirms by the link (the same signed link the e-mail
carries; the e-mail itself is checked in tests/consultation/)."""

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import manage

OPEN = "/en/partners/makers-tallinn/running-a-skills-exchange/"
CLOSED = "/en/partners/officina-torino/capturing-value-from-ip/"
WIDTHS = [390, 1366]
EMAIL = "e2e-respondent@example.org"

LINK_CODE = f"""
from consultation.models import ConsultationResponse
from consultation.tokens import make_token
response = ConsultationResponse.objects.filter(email="{EMAIL}").latest("pk")
print(make_token(response))
"""
CLEANUP_CODE = f"""
from consultation.models import ConsultationResponse
ConsultationResponse.objects.filter(email="{EMAIL}").delete()
"""


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("path", [OPEN, CLOSED, "/de" + OPEN[3:], "/en/consultations/privacy/"])
def test_axe_consultation_pages(page, live_site, axe_check, path, width):
    page.set_viewport_size({"width": width, "height": 900})
    response = page.goto(live_site + path)
    assert response.status == 200
    axe_check(page)


def test_closed_consultation_shows_summary_and_what_changed(page, live_site):
    page.goto(live_site + CLOSED)
    section = page.locator("#consultation")
    expect(section).to_contain_text("This consultation closed on")
    expect(section).to_contain_text("What changed after consultation and piloting")
    expect(section.locator("form")).to_have_count(0)


@pytest.mark.parametrize("width", WIDTHS)
def test_respond_to_a_step_and_confirm(page, live_site, e2e_env, axe_check, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(live_site + OPEN)
    form = page.locator("form.consultation-form")
    form.get_by_label("Your response is about").select_option(label="Step 1: Pick one skill each")
    form.get_by_label("How long should a visit last?").fill("Four days, with a day to write up.")
    form.get_by_label("Your comment").fill("Name a contact person on both sides before the visit.")
    form.get_by_label("You respond as (optional)").select_option("hub")
    form.get_by_label("Country (optional)").select_option("LT")
    form.get_by_label("Your e-mail address").fill(EMAIL)
    form.get_by_label("Publish my response without my name").check()
    form.get_by_label("I have read the privacy notice.").check()
    form.get_by_role("button", name="Send my response").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Check your e-mail")
    axe_check(page)

    token = manage(e2e_env, "shell", "-c", LINK_CODE).strip().splitlines()[-1]
    link = f"{live_site}/en/consultations/confirm/{token}/"
    page.goto(link)
    expect(page.get_by_role("heading", level=1)).to_have_text("Confirm your response")
    axe_check(page)
    page.get_by_role("button", name="Confirm my response").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Thank you: your response is confirmed"
    )
    axe_check(page)
    page.goto(link)
    expect(page.get_by_role("heading", level=1)).to_have_text("Already confirmed")
    manage(e2e_env, "shell", "-c", CLEANUP_CODE)


def test_bad_input_comes_back_as_a_form_error(page, live_site):
    """Without the browser's own checks (novalidate), the server answers."""
    page.goto(live_site + OPEN)
    form = page.locator("form.consultation-form")
    form.get_by_label("Your e-mail address").fill("not-an-address")
    form.get_by_role("button", name="Send my response").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your response")
    expect(page.locator(".form-error").first).to_be_visible()
