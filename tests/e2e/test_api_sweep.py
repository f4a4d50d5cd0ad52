"""The read API, swept as a client would: every page of every type in every
locale, listed page by page and then read one by one, answers 200 with JSON
whose text holds no printed Python list and whose links all name one public
address. The search API's snippets are read the same way."""

import json
import re
import urllib.error
import urllib.request
from collections import Counter
from urllib.parse import urlencode, urlsplit

from django.conf import settings

LIMIT = 20  # Wagtail's API caps a listing at 20 items
PRINTED_LIST = re.compile(r"\['|'\]|\[\"|\"\]")


def get_json(url: str):
    try:
        with urllib.request.urlopen(url, timeout=60) as response:
            return response.status, json.loads(response.read().decode("utf-8"))
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8", "replace")


def strings(value):
    """Every string inside a decoded JSON value."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from strings(item)


def listed_pages(live_site: str, lang: str) -> list[dict]:
    items, offset = [], 0
    while True:
        query = urlencode({"locale": lang, "limit": LIMIT, "offset": offset})
        status, data = get_json(f"{live_site}/api/v2/pages/?{query}")
        assert status == 200, (lang, offset, data)
        items += data["items"]
        offset += LIMIT
        if offset >= data["meta"]["total_count"]:
            return items


def test_every_page_in_every_locale_reads_back_cleanly(live_site):
    origins, types, problems = Counter(), Counter(), []
    for lang, _name in settings.LANGUAGES:
        pages = listed_pages(live_site, lang)
        assert pages, f"no page listed in {lang}"
        for item in pages:
            status, detail = get_json(f"{live_site}/api/v2/pages/{item['id']}/")
            if status != 200:
                problems.append((item["id"], status))
                continue
            types[(lang, detail["meta"]["type"])] += 1
            assert detail["meta"]["locale"] == lang, (item["id"], detail["meta"]["locale"])
            url = urlsplit(detail["meta"]["html_url"])
            origins[f"{url.scheme}://{url.netloc}"] += 1
            for text in strings(detail):
                if PRINTED_LIST.search(text) and not text.lstrip().startswith(("[", "{")):
                    problems.append((item["id"], text[:80]))
    assert not problems, problems[:20]
    # One public address: SITE_URL, which the test server is started on
    # (never the demo's old localhost:80).
    assert set(origins) == {live_site}, origins
    # Every page type of the English site exists in every other language too.
    english = {kind for lang, kind in types if lang == "en"}
    for lang, _name in settings.LANGUAGES:
        assert {kind for code, kind in types if code == lang} == english, lang


def test_search_api_snippets_are_text_not_lists(live_site):
    for lang, _name in settings.LANGUAGES:
        for q in ("finance", "design", "skills"):
            query = urlencode({"q": q, "locale": lang})
            status, data = get_json(f"{live_site}/api/v2/search/?{query}")
            assert status == 200, (lang, q, data)
            for result in data["results"]:
                assert not PRINTED_LIST.search(result["snippet_html"]), result
                assert result["url"].startswith(live_site + "/"), result
