"""The skills explorer in the browser: the transversal view walks ESCO's
hierarchy, the chosen occupation stays in the box, nothing that closes no
gap is listed as closing it, English labels on other languages' pages are
marked; at 320, 390 and 1366 px nothing scrolls sideways and axe is clean."""

import re

import pytest
from playwright.sync_api import expect

from .test_reflow_e2e import OVERFLOW

THINK = "/skills/skill/c624c6a3-b0ba-4a31-a296-0d433fe47e41/"  # think creatively
WIDTHS = [320, 390, 1366]


def test_think_creatively_reaches_occupations_through_narrower_skills(page, live_site):
    page.goto(live_site + "/en" + THINK)
    reach = page.locator("#reach-heading + p")
    expect(reach).to_contain_text("5 occupations need this skill")
    expect(page.locator("main, body").first).to_contain_text(
        "Directly: 4. Through narrower skills only: 1."
    )
    expect(page.locator(".occupation-list li", has_text="graphic designer")).to_contain_text(
        "through narrower skills: develop creative ideas"
    )
    expect(page.locator(".skill-hierarchy")).to_contain_text("thinking creatively and innovatively")
    page.get_by_role("link", name="Transversal skills").click()
    expect(page.locator("h1")).to_have_text("Transversal skills")
    expect(page.locator(".occupation-list li", has_text="think creatively")).to_contain_text(
        "5 occupations"
    )


def test_chosen_occupation_stays_in_the_box_and_gaps_do_not_contradict(page, live_site):
    page.goto(live_site + "/en/skills/")
    page.get_by_role("combobox", name="Occupation").fill("graphic")
    page.get_by_role("option", name="graphic designer").click()
    expect(page.locator("#occupation-heading")).to_have_text("graphic designer")
    expect(page.get_by_role("combobox", name="Occupation")).to_have_value("graphic designer")
    expect(page.locator("[data-gap]")).not_to_contain_text(re.compile(r"closes 0 "))
    expect(page.get_by_role("navigation", name="Main")).to_contain_text("Skills explorer")


@pytest.mark.parametrize("width", WIDTHS)
def test_explorer_pages_reflow_and_pass_axe(at_width, live_site, axe_check, width):
    page = at_width(width)
    problems = {}
    for path in ["/en" + THINK, "/el" + THINK, "/de/skills/transversal/", "/en/skills/?q=design"]:
        response = page.goto(live_site + path)
        assert response.status == 200, path
        result = page.evaluate(OVERFLOW)
        if result["scroll"] > width:
            problems[path] = result
        axe_check(page)
    page.goto(live_site + "/en/skills/?q=graphic+designer")
    page.locator(".match-list a").first.click()
    page.wait_for_load_state()
    assert page.evaluate(OVERFLOW)["scroll"] <= width
    axe_check(page)
    assert problems == {}, f"horizontal overflow at {width} px: {problems}"
