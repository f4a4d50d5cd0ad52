"""load_demo on the browser tests' database: the site the browser sees was
built by one run; a second run must leave it exactly as it was."""

import json

from tests.core.demo_snapshot import assert_same_as_reference
from tests.e2e.conftest import DEMO_BUILT, manage

COUNT = (
    "import json; from wagtail.models import Page; from core.models import Theme; "
    "pages = Page.objects.filter(depth__gte=2); "
    "print(json.dumps({'pages': pages.count(), 'themes': Theme.objects.count(), "
    "'untranslated': [p.pk for p in pages if p.get_translations(inclusive=True).count() != 7]}))"
)


def counts(env):
    return json.loads(manage(env, "shell", "-v0", "-c", COUNT).strip().splitlines()[-1])


def test_the_demo_is_the_reference_site(live_site, request):
    """What load_demo built here, before any test ran, is the reference site,
    as tests/core/test_demo_data.py checks it on SQLite."""
    assert_same_as_reference(request.config.stash[DEMO_BUILT])


def test_load_demo_again_adds_nothing_and_every_page_has_seven_languages(live_site, e2e_env):
    before = counts(e2e_env)
    assert before["pages"] > 100
    assert before["themes"] == 5 * 7
    assert before["untranslated"] == []

    out = manage(e2e_env, "load_demo")
    assert "Demo content ready" in out
    assert counts(e2e_env) == before

    assert "up to date" in manage(e2e_env, "load_demo", "--if-needed")
