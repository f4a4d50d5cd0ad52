import re

import pytest
from playwright.sync_api import expect

PATH = "/en/learning/creative-thinking-in-practice/"


def test_completing_a_module_moves_the_path_progress(page, live_site):
    page.goto(live_site + PATH)
    progress = page.locator("[data-progress-text]")
    expect(progress).to_contain_text("0 of 4 modules")
    page.locator(".path-step a").first.click()
    expect(page.locator("h1")).to_have_text("From spark to concept")
    page.get_by_role("button", name="Mark as done").click()
    expect(page.locator("[data-mark-done] [data-status]")).to_have_text("Done")
    page.goto(live_site + PATH)
    expect(progress).to_contain_text("1 of 4 modules, about 3 h left")
    expect(page.locator(".path-step").first).to_have_class(re.compile("is-done"))
    # The same module counts in another language (progress is keyed by module).
    page.goto(live_site + "/de/learning/creative-thinking-in-practice/")
    expect(page.locator("progress")).to_have_attribute("value", "1")


def test_quiz_is_checked_in_the_browser(page, live_site):
    page.goto(live_site + "/en/learning/from-spark-to-concept/")
    page.get_by_label("True").check()
    page.get_by_role("button", name="Check my answers").click()
    expect(page.locator(".quiz__feedback")).to_contain_text("Correct.")
    expect(page.locator(".quiz__score")).to_have_text("1 of 1 correct.")


def test_explorer_autocomplete_and_gap(page, live_site):
    page.goto(live_site + "/en/skills/")
    page.get_by_role("combobox", name="Occupation").fill("music")
    option = page.get_by_role("option", name="music producer")
    expect(option).to_be_visible()
    option.click()
    expect(page.locator("#occupation-heading")).to_have_text("music producer")
    expect(page.locator("[data-gap]")).to_contain_text("You lack 5 essential skills")
    page.get_by_role("checkbox", name="think creatively").check()
    expect(page.locator("[data-gap]")).to_contain_text("You lack 4 essential skills")


@pytest.mark.parametrize(
    "path",
    [
        "/en/learning/",
        "/en/learning/copyright-for-creators/",
        PATH,
        "/el/learning/financing-a-creative-venture/",
        "/en/skills/",
        "/de/skills/?q=design",
        "/en/skills/?occupation=__music__",
        "/en/accounts/signup/",
    ],
)
def test_axe_learning_pages(page, live_site, axe_check, path):
    if "__music__" in path:
        page.goto(live_site + "/en/skills/?q=music+producer")
        page.locator(".match-list a").first.click()
        page.wait_for_load_state()
    else:
        page.goto(live_site + path)
    axe_check(page)
