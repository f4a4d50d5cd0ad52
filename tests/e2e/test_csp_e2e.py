"""The Content-Security-Policy breaks nothing a visitor does: each page, with
its scripts at work, logs no console message, no script error and no
policy violation. Admin pages, under their relaxed policy, likewise.

The pages open in browser contexts of their own: the shared ``page``
fixture bypasses the CSP so that axe-core can be injected (conftest.py)."""

import json
import re

import pytest
from playwright.sync_api import expect

from .conftest import manage

ADMIN, ADMIN_PASSWORD = "csp-admin", "csp-admin-password-42"

WATCH_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (event) => {
    window.__reportViolation(
        `${event.effectiveDirective} blocked ${event.blockedURI || "inline"}` +
        ` at ${event.sourceFile || event.documentURI}:${event.lineNumber}`
    );
});
"""


class Watched:
    """A page in a fresh context that records what went wrong on it."""

    def __init__(self, browser, live_site):
        self.context = browser.new_context(base_url=live_site)
        self.problems = []
        self.context.expose_function(
            "__reportViolation", lambda text: self.problems.append(f"violation: {text}")
        )
        self.context.add_init_script(WATCH_VIOLATIONS)
        self.page = self.context.new_page()
        self.page.on("console", self.console)
        self.page.on("pageerror", lambda error: self.problems.append(f"error: {error}"))

    def console(self, message):
        # The site has no favicon yet: Chromium's own request for one 404s.
        if not message.location.get("url", "").endswith("/favicon.ico"):
            self.problems.append(f"console {message.type}: {message.text}")

    def goto(self, path, header="content-security-policy"):
        response = self.page.goto(path)
        assert response.status == 200, path
        assert header in response.headers, f"{path} has no {header}"
        return response

    def settle(self):
        # Generous: the machine running the tests may be busy.
        self.page.wait_for_load_state("networkidle", timeout=120_000)
        return self.problems


@pytest.fixture
def watched(browser, live_site):
    watched = Watched(browser, live_site)
    yield watched
    watched.context.close()


def test_the_watch_sees_a_violation(watched):
    """An inline script added to a public page is blocked and reported, so
    the empty lists below mean something."""
    watched.goto("/en/")
    watched.page.evaluate(
        """() => {
            const script = document.createElement("script");
            script.textContent = "window.injected = true";
            document.body.append(script);
        }"""
    )
    expect(watched.page.locator("body")).to_be_visible()
    watched.settle()
    assert watched.page.evaluate("window.injected") is None
    assert any(p.startswith("violation: script-src-elem blocked inline") for p in watched.problems)


def test_home_page(watched):
    watched.goto("/en/")
    expect(watched.page.locator("html.js")).to_have_count(1)  # site.js ran
    assert watched.settle() == []


def test_policy_paper(watched):
    response = watched.goto("/en/policy-papers/green-studios/")
    # Browsers hide the nonce attribute once parsed; the property keeps it.
    nonce = watched.page.locator('script[type="application/ld+json"]').evaluate("s => s.nonce")
    assert nonce and f"'nonce-{nonce}'" in response.headers["content-security-policy"]
    assert watched.settle() == []


def test_partner_directory_map(watched):
    watched.goto("/en/partners/")
    watched.page.locator(".partner-map__marker").first.focus()
    expect(watched.page.locator(".partner-list .is-highlighted")).to_have_count(1)
    assert watched.settle() == []


def test_search_with_suggestions(watched):
    watched.goto("/en/")
    box = watched.page.locator("#site-search")
    box.press_sequentially("Creative", delay=40)
    expect(watched.page.locator("#search-suggestions-0 [role=option]").first).to_be_visible()
    box.press("Enter")
    expect(watched.page).to_have_url(re.compile(r"/en/search/\?q=Creative"))
    expect(watched.page.locator(".search-result").first).to_be_visible()
    assert watched.settle() == []


def test_learning_module_quiz(watched):
    watched.goto("/en/learning/from-spark-to-concept/")
    watched.page.get_by_label("True").check()
    watched.page.get_by_role("button", name="Check my answers").click()
    expect(watched.page.locator(".quiz__score")).to_have_text("1 of 1 correct.")
    assert watched.settle() == []


def test_skills_explorer(watched):
    watched.goto("/en/skills/")
    watched.page.get_by_role("combobox", name="Occupation").fill("music")
    watched.page.get_by_role("option", name="music producer").click()
    expect(watched.page.locator("#occupation-heading")).to_have_text("music producer")
    watched.page.get_by_role("checkbox", name="think creatively").check()
    expect(watched.page.locator("[data-gap]")).to_contain_text("You lack 4 essential skills")
    assert watched.settle() == []


@pytest.fixture
def admin_home_id(e2e_env, live_site):
    code = f"""
import json
from django.contrib.auth import get_user_model
from wagtail.models import Site
user, _ = get_user_model().objects.get_or_create(username="{ADMIN}")
user.is_staff = user.is_superuser = True
user.set_password("{ADMIN_PASSWORD}")
user.save()
print(json.dumps({{"home": Site.objects.get(is_default_site=True).root_page_id}}))
"""
    out = manage(e2e_env, "shell", "-c", code)
    return json.loads(out.strip().splitlines()[-1])["home"]


def test_admin_under_its_relaxed_policy(watched, admin_home_id):
    watched.goto("/admin/login/")
    watched.page.fill("#id_username", ADMIN)
    watched.page.fill("#id_password", ADMIN_PASSWORD)
    watched.page.get_by_role("button", name=re.compile("Sign in", re.I)).click()
    expect(watched.page).to_have_url(re.compile(r"/admin/$"))
    watched.goto(f"/admin/pages/{admin_home_id}/edit/")
    expect(watched.page.locator("#id_title")).to_be_visible()
    watched.settle()
    # An editor on the public site: the user bar's scripts under the strict policy.
    # (Not settle(): with the user bar, Playwright never sees the network idle,
    # though every request has finished. Its button shows once its CSS and
    # scripts have run.)
    watched.goto("/en/")
    expect(watched.page.locator("wagtail-userbar [data-wagtail-userbar-trigger]")).to_be_visible()
    # Chromium's markup hints ("verbose") on Wagtail's own login form are no
    # script or policy problem of ours; anything louder is.
    assert [p for p in watched.problems if not p.startswith("console verbose:")] == []
