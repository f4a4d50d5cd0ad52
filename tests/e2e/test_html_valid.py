"""The Nu HTML checker (vnu-jar from npm) over one page of every page type
and every public view, in English and Greek, against the demo site: zero
errors. All pages go to one Java run."""

import json
import urllib.error
import urllib.request
from urllib.parse import urlencode, urlsplit

import pytest
from wagtail.models import get_page_models

from tests import vnu

LANGUAGES = ("en", "el")
# Views that are not Wagtail pages, per language.
VIEWS = [
    "/{lang}/search/",
    "/{lang}/search/?q=finance",
    "/{lang}/search/?q=zzzzqqq",
    "/{lang}/skills/",
    "/{lang}/accounts/signup/",
    "/{lang}/accounts/login/",
    "/{lang}/no-such-page/",
]


def fetch(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=60) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8")


def page_types() -> list[str]:
    return sorted(
        f"{model._meta.app_label}.{model.__name__}"
        for model in get_page_models()
        if model.is_creatable and model._meta.app_label != "wagtailcore"
    )


def one_page_of(live_site: str, page_type: str, lang: str) -> str | None:
    query = urlencode({"type": page_type, "locale": lang, "limit": 1})
    status, body = fetch(f"{live_site}/api/v2/pages/?{query}")
    assert status == 200, body
    items = json.loads(body)["items"]
    if not items:
        return None
    return urlsplit(items[0]["meta"]["html_url"]).path


def test_every_page_type_is_valid_html(live_site):
    reason = vnu.available()
    if reason:
        pytest.fail(reason)
    pages, absent = {}, []
    for lang in LANGUAGES:
        for page_type in page_types():
            path = one_page_of(live_site, page_type, lang)
            if path is None:
                absent.append(f"{page_type} ({lang})")
                continue
            status, html = fetch(live_site + path)
            assert status == 200, f"{path}: {status}"
            pages[f"{page_type} {path}"] = html
        for view in VIEWS:
            path = view.format(lang=lang)
            status, html = fetch(live_site + path)
            assert status in (200, 404), f"{path}: {status}"
            pages[f"view {path}"] = html
    # The demo has every content type the site offers, in both languages.
    assert len(pages) >= 2 * (12 + len(VIEWS)), (sorted(pages), absent)
    errors = vnu.validate(pages)
    failing = {name: found for name, found in errors.items() if found}
    assert not failing, json.dumps(failing, indent=1, ensure_ascii=False)
